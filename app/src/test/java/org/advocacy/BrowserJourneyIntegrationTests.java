package org.advocacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.advocacy.staff.Role;
import org.advocacy.staff.StaffUserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The supporter's journey and the staff login in a real headless Chromium: the TSRA
 * campaign page with its hotline and quick exit, a letter to the real Vermont delegation
 * with JavaScript turned off, basic accessibility checks on each page, and a log-in to
 * the console.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserJourneyIntegrationTests {

    @LocalServerPort
    int port;

    /**
     * This context's strategy: each cached test context installs its own, so the static
     * holder may belong to another.
     */

    @Autowired

    SecurityContextHolderStrategy securityContexts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StaffUserService staff;

    private final List<WebDriver> drivers = new ArrayList<>();

    @BeforeEach
    void loadVermontDelegation() {
        new ResourceDatabasePopulator(new ClassPathResource("sql/vermont-delegation.sql"))
            .execute(jdbc.getDataSource());
    }

    @AfterEach
    void quitBrowsers() {
        drivers.forEach(WebDriver::quit);
    }

    @Test
    void theCampaignPageShowsTheHotlineAndQuickExitLeavesWithoutABackWayIn() {
        WebDriver browser = browser(true, 1280);
        browser.get(url("/privacy"));
        browser.get(url("/campaigns/tsra"));
        assertThat(browser.findElement(By.cssSelector(".hotline")).getText()).contains("1-888-373-7888")
            .contains("233733");
        checkBasics(browser);
        long historyLength = (Long) ((JavascriptExecutor) browser).executeScript("return history.length");

        new Actions(browser).sendKeys(Keys.ESCAPE).perform();
        waitFor(browser).until(ExpectedConditions.urlContains("/neutral.html"));
        assertThat((Long) ((JavascriptExecutor) browser).executeScript("return history.length"))
            .isEqualTo(historyLength);
        browser.navigate().back();
        waitFor(browser).until(ExpectedConditions.urlContains("/privacy"));
        assertThat(browser.getCurrentUrl()).doesNotContain("/campaigns/tsra");

        browser.get(url("/campaigns/tsra"));
        browser.findElement(By.id("quick-exit")).click();
        waitFor(browser).until(ExpectedConditions.urlContains("/neutral.html"));
        browser.navigate().back();
        waitFor(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/neutral.html")));
        assertThat(browser.getCurrentUrl()).doesNotContain("/campaigns/tsra");
    }

    @Test
    void theCampaignPageFitsAPhoneScreen() {
        WebDriver browser = browser(true, 360);
        browser.get(url("/campaigns/tsra"));
        Map<?, ?> widths = (Map<?, ?>) ((JavascriptExecutor) browser).executeScript(
                "return {scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth};");
        assertThat(((Number) widths.get("scroll")).longValue())
            .isLessThanOrEqualTo(((Number) widths.get("client")).longValue());
    }

    @Test
    void aSupporterSendsALetterWithJavaScriptTurnedOff() {
        String email = "browser-" + System.nanoTime() + "@example.org";
        WebDriver browser = browser(false, 1280);
        browser.get(url("/campaigns/tsra"));
        checkBasics(browser);
        assertThat(browser.findElement(By.cssSelector("form.zip-form")).getAttribute("action"))
            .endsWith("/campaigns/tsra/legislators");

        // The find-your-legislators step links to the letter for the settled district.
        browser.get(url("/campaigns/tsra/letter?zip=05401&district=VT-0"));
        assertThat(browser.getCurrentUrl()).contains("/supporter?next=");
        checkBasics(browser);
        browser.findElement(By.id("name")).sendKeys("Robin Browser");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("zip")).sendKeys("05401");
        browser.findElement(By.cssSelector("main button[type=submit]")).click();

        waitFor(browser).until(ExpectedConditions.urlContains("/campaigns/tsra/letter?zip=05401"));
        checkBasics(browser);
        assertThat(browser.findElement(By.id("body-B001318")).getAttribute("value")).startsWith("Dear Rep. Balint,")
            .contains("Robin Browser");
        browser.findElement(By.id("target-W000800")).click(); // not this time
        browser.findElement(By.cssSelector("main button[type=submit]")).click();

        waitFor(browser).until(ExpectedConditions.urlContains("/letter/ready/"));
        checkBasics(browser);
        List<String> mailtos = browser.findElements(By.cssSelector("a[href^='mailto:']"))
            .stream()
            .map(a -> a.getAttribute("href"))
            .toList();
        assertThat(mailtos).hasSize(2);
        String body = URLDecoder.decode(mailtos.getFirst().substring(mailtos.getFirst().indexOf("body=") + 5),
                StandardCharsets.UTF_8);
        assertThat(body).startsWith("Dear Rep. Balint,").contains("Robin Browser").contains("05401");
        assertThat(jdbc.queryForList(
                "select a.bioguide_id from supporter_action a join supporter s on s.id = a.supporter_id"
                        + " where s.email = ? and a.action_type = 'LETTER' order by a.bioguide_id",
                String.class, email))
            .containsExactly("B001318", "S000033");
    }

    @Test
    void theSiteSpeaksSpanishAndKeepsTheChoiceForTheVisit() {
        WebDriver browser = browser(false, 1280);
        browser.get(url("/campaigns/tsra?lang=es"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
        assertThat(browser.findElement(By.id("help-heading")).getText()).isEqualTo("Cómo ayudar");
        assertThat(browser.findElement(By.cssSelector(".hotline")).getText()).contains("1-888-373-7888")
            .contains("233733");
        browser.get(url("/supporter?next=/campaigns/tsra"));
        checkBasics(browser);
        assertThat(browser.findElement(By.cssSelector("label[for=name]")).getText()).isEqualTo("Su nombre");
        assertThat(browser.findElement(By.id("updates")).isSelected()).isFalse();
    }

    @Test
    void everyPublicPagePassesTheAxeWcagAAndAaRules() {
        WebDriver browser = browser(true, 1280);
        browser.get(url("/campaigns/tsra"));
        assertNoAxeViolations(browser);
        String story = browser.findElement(By.cssSelector("article.story h3 a")).getAttribute("href");
        String resource = browser.findElement(By.cssSelector(".toolkit h3 a")).getAttribute("href");
        for (String page : List.of(story, resource, url("/privacy"), url("/campaigns/tsra?lang=es"))) {
            browser.get(page);
            assertNoAxeViolations(browser);
        }

        browser.get(url("/supporter?next=/campaigns/tsra/letter?zip=05401%26district=VT-0&lang=en"));
        assertNoAxeViolations(browser);
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertNoAxeViolations(browser);
        browser.findElement(By.id("name")).sendKeys("Axe Checker");
        browser.findElement(By.id("email")).sendKeys("axe-" + System.nanoTime() + "@example.org");
        browser.findElement(By.id("zip")).sendKeys("05401");
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("body-B001318")));
        assertNoAxeViolations(browser);
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        waitFor(browser).until(ExpectedConditions.urlContains("/letter/ready/"));
        assertNoAxeViolations(browser);

        for (String page : List.of("/campaigns/tsra/call?zip=05401&district=VT-0",
                "/campaigns/tsra/meeting?zip=05401&district=VT-0", "/campaigns/tsra/stories/new")) {
            browser.get(url(page));
            assertNoAxeViolations(browser);
        }
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertNoAxeViolations(browser);
    }

    @Test
    void staffLogIntoTheConsole() {
        String email = "browser-staff-" + System.nanoTime() + "@example.org";
        String password = "Journey-through-the-console-" + System.nanoTime();
        securityContexts.getContext().setAuthentication(new TestingAuthenticationToken("test", "", "ROLE_ADMIN"));
        try {
            staff.create(email, "Browser Journey", password, Role.ORGANIZER);
        }
        finally {
            securityContexts.clearContext();
        }
        WebDriver browser = browser(true, 1280);
        browser.get(url("/admin/login"));
        WebElement username = waitFor(browser)
            .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#vaadinLoginUsername input")));
        username.sendKeys(email);
        WebElement passwordField = browser.findElement(By.cssSelector("#vaadinLoginPassword input"));
        passwordField.sendKeys(password);
        passwordField.sendKeys(Keys.ENTER);
        waitFor(browser).until(ExpectedConditions.titleContains("Dashboard"));
        assertThat(browser.getCurrentUrl()).doesNotContain("login");
    }

    /**
     * Runs axe-core in the page with the WCAG 2.0, 2.1 and 2.2 A and AA rules; any
     * violation fails the test.
     */
    @SuppressWarnings("unchecked")
    static void assertNoAxeViolations(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(AXE);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        List<String> violations = (List<String>) js.executeAsyncScript(
                """
                        var done = arguments[arguments.length - 1];
                        axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']}})
                          .then(function (result) {
                            done(result.violations.map(function (v) {
                              return v.id + ' (' + v.impact + '): ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', ');
                            }));
                          })
                          .catch(function (error) { done(['axe failed: ' + error]); });""");
        assertThat(violations).as(browser.getCurrentUrl()).isEmpty();
    }

    private static final String AXE = axeSource();

    private static String axeSource() {
        try (var in = BrowserJourneyIntegrationTests.class.getResourceAsStream("/axe/axe.min.js")) {
            return new String(Objects.requireNonNull(in, "axe-core (src/test/resources/axe)").readAllBytes(),
                    StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Axe-like basics: a language, one h1, and a label for every input a person fills in.
     */
    private static void checkBasics(WebDriver browser) {
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isNotBlank();
        assertThat(browser.findElements(By.tagName("h1"))).hasSize(1);
        for (WebElement input : browser.findElements(By.cssSelector("input:not([type=hidden]), textarea, select"))) {
            String id = input.getAttribute("id");
            assertThat(id).as(input.getAttribute("outerHTML")).isNotBlank();
            assertThat(browser.findElements(By.cssSelector("label[for='" + id + "']"))).as("label for " + id)
                .hasSize(1);
        }
        for (WebElement button : browser.findElements(By.tagName("button"))) {
            assertThat(button.getText()).isNotBlank();
        }
    }

    private WebDriver browser(boolean javascript, int width) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        try {
            options.addArguments(HeadlessChrome.ARGUMENTS);
            options.addArguments("--window-size=" + width + ",900",
                    "--user-data-dir=" + Files.createTempDirectory("chromium-"));
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .usingAnyFreePort()
            .build();
        WebDriver driver = new ChromeDriver(service, options);
        drivers.add(driver);
        return driver;
    }

    private static WebDriverWait waitFor(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30), HeadlessChrome.POLL);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

}
