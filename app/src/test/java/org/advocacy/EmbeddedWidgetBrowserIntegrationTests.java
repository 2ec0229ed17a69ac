package org.advocacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Issue 18 in a real Chromium that blocks third-party cookies: a partner's page on
 * another site (http://127.0.0.1:port, while the platform is http://localhost:port)
 * embeds two widgets with the platform's script; a supporter sends a letter and makes a
 * call in one of them, and the database credits that partner. A page on an origin staff
 * did not allow (http://127.0.0.2:port) cannot frame the widget, and no site page can be
 * framed at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedWidgetBrowserIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private HttpServer partnerSites;

    private ChromeDriver browser;

    /** The Cookie header each probe request arrived with ("" for none), by probe name. */
    private final Map<String, String> probeCookies = new ConcurrentHashMap<>();

    @BeforeEach
    void startPartnerSitesAndBrowser() throws IOException {
        new ResourceDatabasePopulator(new ClassPathResource("sql/vermont-delegation.sql"))
            .execute(jdbc.getDataSource());
        // One server on every loopback address: the partner (127.0.0.1), a site not on
        // the list (127.0.0.2) and
        // a cookie probe on the platform's own site (localhost), each told apart by the
        // Host it was asked for.
        partnerSites = HttpServer.create(new InetSocketAddress(0), 0);
        partnerSites.createContext("/", this::serve);
        partnerSites.start();
        jdbc.update("delete from campaign_embed_origin where campaign_id = ?", campaignId());
        jdbc.update("insert into campaign_embed_origin (campaign_id, origin) values (?, ?)", campaignId(), partner());
        browser = HeadlessChrome.startBlockingThirdPartyCookies();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        partnerSites.stop(0);
        jdbc.update("delete from campaign_embed_origin where campaign_id = ?", campaignId());
    }

    @Test
    void twoWidgetsOnAPartnerPageTakeALetterAndACallWithThirdPartyCookiesBlockedAndCreditThePartner() {
        String email = "embedded-" + System.nanoTime() + "@example.org";
        browser.get(partner() + "/article.html");
        List<WebElement> frames = waitFor().until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("iframe.advocacy-action-frame"));
            return found.size() == 2 ? found : null;
        });
        assertThat(browser.findElements(By.cssSelector("a.advocacy-action"))).as("both links replaced").isEmpty();
        // Each frame is sized by its own height message (the script starts them at 30rem
        // = 480 px).
        for (WebElement frame : frames) {
            waitFor().until(d -> !frame.getCssValue("height").equals("480px"));
        }
        assertThat(frames.get(1).getAttribute("title")).isEqualTo("Llame al Congreso");

        // Third-party cookies really are blocked: a cookie the platform's site sets in a
        // frame is not sent back.
        waitFor().until(d -> probeCookies.containsKey("framed"));
        assertThat(probeCookies.get("framed")).as("cookie sent from a third-party frame").isEmpty();

        // The second widget (Spanish, without the sign-up ask) fits a 320 px column and
        // passes axe.
        browser.switchTo().frame(frames.get(1));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("zip")));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
        assertThat(browser.findElements(By.id("updates"))).isEmpty();
        assertThat((Boolean) js().executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth && innerWidth <= 320;"))
            .as("no sideways scrolling at 320 px")
            .isTrue();
        BrowserJourneyIntegrationTests.assertNoAxeViolations(browser);
        js().executeScript("document.cookie = 'framed=1; SameSite=None; Secure; Path=/';");
        assertThat((String) js().executeScript("return document.cookie;")).as("a framed page cannot keep a cookie")
            .isEmpty();
        browser.switchTo().defaultContent();

        // The first widget: details, then the letter, then the call.
        browser.switchTo().frame(frames.get(0));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("zip")));
        BrowserJourneyIntegrationTests.assertNoAxeViolations(browser);
        browser.findElement(By.id("name")).sendKeys("Wid Get");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("zip")).sendKeys("05401");
        browser.findElement(By.id("action-LETTER")).click();
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("body-B001318")));
        assertThat(browser.findElement(By.id("body-B001318")).getAttribute("value")).startsWith("Dear Rep. Balint,")
            .contains("Wid Get");
        BrowserJourneyIntegrationTests.assertNoAxeViolations(browser);
        browser.findElement(By.id("target-W000800")).click();
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Your letters are ready"));
        assertThat(browser.findElements(By.cssSelector("a[href^='mailto:']"))).hasSize(2);
        BrowserJourneyIntegrationTests.assertNoAxeViolations(browser);
        browser.findElement(By.linkText("Now call your legislators")).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Call Rep. Becca Balint"));
        BrowserJourneyIntegrationTests.assertNoAxeViolations(browser);
        browser.findElement(By.id("outcome-VOICEMAIL")).click();
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        waitFor()
            .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Call Sen. Bernard Sanders"));
        assertThat(browser.findElement(By.cssSelector(".notice[role=status]")).getText()).contains("Rep. Becca Balint");
        browser.switchTo().defaultContent();

        long supporter = jdbc.queryForObject("select id from supporter where email = ?", Long.class, email);
        assertThat(jdbc.queryForList("""
                select a.action_type || ':' || a.bioguide_id || ':' || coalesce(a.outcome, a.delivery_method)
                       || ' from ' || e.partner_origin
                from supporter_action a join embedded_action e on e.action_id = a.id
                where a.supporter_id = ? order by a.id""", String.class, supporter)).containsExactly(
                "LETTER:B001318:MAILTO from " + partner(), "LETTER:S000033:MAILTO from " + partner(),
                "CALL:B001318:VOICEMAIL from " + partner());
        assertThat(jdbc.queryForObject("select count(*) from supporter_action where supporter_id = ?", Long.class,
                supporter))
            .as("nothing unattributed either")
            .isEqualTo(3);

        // The probe can tell: visited directly (first party), the same cookie is set and
        // sent.
        browser.get(probe() + "/probe/set?as=direct");
        waitFor().until(d -> probeCookies.containsKey("direct"));
        assertThat(probeCookies.get("direct")).contains("probe=direct");
    }

    @Test
    void aSiteNotOnTheListCannotFrameTheWidgetAndNoOtherPageCanBeFramed() {
        browser.get("http://127.0.0.2:" + partnerSites.getAddress().getPort() + "/article.html");
        List<WebElement> frames = waitFor().until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("iframe.advocacy-action-frame"));
            return found.size() == 2 ? found : null;
        });
        for (WebElement frame : frames) {
            assertRefusedToFrame(frame);
        }
        browser.get(partner() + "/article.html");
        WebElement allowed = waitFor()
            .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("iframe.advocacy-action-frame")));
        browser.switchTo().frame(allowed);
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("zip")));
        browser.switchTo().defaultContent();
        for (String page : List.of("/campaigns/tsra", "/campaigns/tsra/legislators?zip=05401", "/privacy", "/")) {
            browser.get(partner() + "/frame.html?page=" + page);
            assertRefusedToFrame(waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("framed"))));
        }
    }

    /**
     * Chromium shows its own error page instead of a page whose frame-ancestors refuse
     * the parent.
     */
    private void assertRefusedToFrame(WebElement frame) {
        // Give the browser time to load (or refuse) the frame before looking into it.
        waitFor().until(d -> "complete".equals(js().executeScript("return document.readyState;")));
        browser.switchTo().frame(frame);
        try {
            waitFor().until(d -> js().executeScript("return document.readyState;").equals("complete"));
            String shown = (String) js().executeScript("return location.href + ' | ' + document.body.innerText;");
            assertThat(shown).as("Chromium's own refusal page")
                .startsWith("chrome-error://")
                .doesNotContain("Trafficking Survivors")
                .doesNotContain("ZIP");
            assertThat(browser.findElements(By.tagName("form"))).as("nothing of the platform's page is shown")
                .isEmpty();
        }
        finally {
            browser.switchTo().defaultContent();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String host = exchange.getRequestHeaders().getFirst("Host");
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery() == null ? "" : exchange.getRequestURI().getQuery();
        String platform = "http://localhost:" + port;
        if (path.equals("/probe/set")) {
            String as = query.startsWith("as=") ? query.substring(3) : "framed";
            exchange.getResponseHeaders().add("Set-Cookie", "probe=" + as + "; SameSite=None; Secure; Path=/");
            respond(exchange, "<!doctype html><html lang=\"en\"><title>Probe</title><img alt=\"\" src=\"/probe/echo?as="
                    + as + "\">");
        }
        else if (path.equals("/probe/echo")) {
            String as = query.startsWith("as=") ? query.substring(3) : "framed";
            String cookie = exchange.getRequestHeaders().getFirst("Cookie");
            probeCookies.put(as, cookie == null ? "" : cookie);
            respond(exchange, "");
        }
        else if (path.equals("/frame.html")) {
            respond(exchange,
                    "<!doctype html><html lang=\"en\"><title>Framing</title><iframe id=\"framed\" title=\"Framed\" src=\""
                            + platform + query.substring("page=".length()) + "\"></iframe>");
        }
        else if (path.equals("/article.html") && host != null) {
            respond(exchange,
                    """
                            <!doctype html><html lang="en"><head><title>Partner news</title></head><body>
                            <h1>Local news</h1>
                            <div style="width: 640px"><a class="advocacy-action" data-campaign="tsra" data-actions="letter,call"
                               href="%1$s/campaigns/tsra">Write to Congress</a></div>
                            <p>An article between the two widgets.</p>
                            <div style="width: 320px"><a class="advocacy-action" data-campaign="tsra" data-actions="call"
                               data-language="es" data-signup="false" data-button="Llamar" href="%1$s/campaigns/tsra">Llame al Congreso</a></div>
                            <iframe title="Probe" src="%2$s/probe/set"></iframe>
                            <script src="%1$s/embed.js"></script>
                            </body></html>"""
                        .formatted(platform, probe()));
        }
        else {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        }
    }

    private static void respond(HttpExchange exchange, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The allowed partner's origin: another site than the platform's (localhost). */
    private String partner() {
        return "http://127.0.0.1:" + partnerSites.getAddress().getPort();
    }

    /**
     * The cookie probe, on the platform's own site (cookies are per host, not per port).
     */
    private String probe() {
        return "http://localhost:" + partnerSites.getAddress().getPort();
    }

    private long campaignId() {
        return jdbc.queryForObject("select id from campaign where slug = 'tsra'", Long.class);
    }

    private JavascriptExecutor js() {
        return browser;
    }

    private WebDriverWait waitFor() {
        return new WebDriverWait(browser, Duration.ofSeconds(20), HeadlessChrome.POLL);
    }

}
