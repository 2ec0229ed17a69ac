package org.advocacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.advocacy.testsupport.SharedSmtp;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 4's supporter journey end to end in a real headless Chromium, in English and in
 * Spanish: the TSRA campaign page, its ZIP form, the split-ZIP step (10001, choosing
 * NY-12), the real members for that district, then a letter, a call, a meeting request,
 * the double opt-in confirmed from the real email and a one-click unsubscribe; and a
 * survivor's story whose consent is withdrawn with the private link. axe-core checks
 * every public page on the way.
 *
 * <p>
 * The server runs on a port chosen before start-up so that the links in the emails (built
 * from advocacy.base-url) are the links a supporter would really follow.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SupporterJourneyBrowserIntegrationTests {

    private static final int SERVER_PORT = freePort();

    private static final String BASE_URL = "http://localhost:" + SERVER_PORT;

    /** Jerrold Nadler, the Representative for NY-12 in the real roster. */
    private static final String NADLER = "N000002";

    @RegisterExtension
    static final SharedSmtp greenMail = new SharedSmtp();

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> SERVER_PORT);
        registry.add("advocacy.base-url", () -> BASE_URL);
    }

    /** What the supporter reads in each language, straight from the message bundles. */
    enum Language {

        ENGLISH("en", "Find my legislators", "ZIP code 10001 is in more than one congressional district",
                "Your members of Congress", "Send a letter", "Make a call", "Request a meeting", "Your details",
                "Your letters are ready", "Call ", "We have your request", "Please confirm you want campaign updates",
                "Your request to meet ", "You are subscribed", "Unsubscribe",
                "You are already unsubscribed. We will not email you.", "Share your story", "Thank you for your story",
                "Withdraw my consent", "Your consent is withdrawn", "Confirm your subscription"),
        SPANISH("es", "Encontrar a mis legisladores", "El código postal 10001 está en más de un distrito del Congreso",
                "Sus miembros del Congreso", "Enviar una carta", "Hacer una llamada", "Pedir una reunión", "Sus datos",
                "Sus cartas están listas", "Llamar a ", "Recibimos su solicitud",
                "Confirme que quiere recibir novedades de la campaña", "Su solicitud de reunión con ",
                "Su suscripción está confirmada", "Darse de baja", "Ya se dio de baja. No le escribiremos.",
                "Comparta su historia", "Gracias por su historia", "Retirar mi permiso", "Su permiso está retirado",
                "Confirme su suscripción");

        final String code;

        final String findButton;

        final String splitHeading;

        final String membersHeading;

        final String letterLink;

        final String callLink;

        final String meetingLink;

        final String detailsHeading;

        final String lettersReady;

        final String callHeadingPrefix;

        final String meetingRequested;

        final String confirmSubject;

        final String meetingSubjectPrefix;

        final String subscribed;

        final String unsubscribeHeading;

        final String alreadyUnsubscribed;

        final String storyHeading;

        final String storySubmitted;

        final String withdrawButton;

        final String withdrawn;

        final String confirmHeading;

        Language(String code, String findButton, String splitHeading, String membersHeading, String letterLink,
                String callLink, String meetingLink, String detailsHeading, String lettersReady,
                String callHeadingPrefix, String meetingRequested, String confirmSubject, String meetingSubjectPrefix,
                String subscribed, String unsubscribeHeading, String alreadyUnsubscribed, String storyHeading,
                String storySubmitted, String withdrawButton, String withdrawn, String confirmHeading) {
            this.code = code;
            this.findButton = findButton;
            this.splitHeading = splitHeading;
            this.membersHeading = membersHeading;
            this.letterLink = letterLink;
            this.callLink = callLink;
            this.meetingLink = meetingLink;
            this.detailsHeading = detailsHeading;
            this.lettersReady = lettersReady;
            this.callHeadingPrefix = callHeadingPrefix;
            this.meetingRequested = meetingRequested;
            this.confirmSubject = confirmSubject;
            this.meetingSubjectPrefix = meetingSubjectPrefix;
            this.subscribed = subscribed;
            this.unsubscribeHeading = unsubscribeHeading;
            this.alreadyUnsubscribed = alreadyUnsubscribed;
            this.storyHeading = storyHeading;
            this.storySubmitted = storySubmitted;
            this.withdrawButton = withdrawButton;
            this.withdrawn = withdrawn;
            this.confirmHeading = confirmHeading;
        }

    }

    @Autowired
    JdbcTemplate jdbc;

    private WebDriver browser;

    @AfterEach
    void quitBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aSupporterInASplitZipWritesCallsAsksForAMeetingSignsUpAndLeavesTheListInOneClick(Language language)
            throws Exception {
        String name = language == Language.ENGLISH ? "Robin Journey" : "Rosa Viaje";
        String email = "journey-" + language.code + "-" + System.nanoTime() + "@example.org";
        browser = HeadlessChrome.start();

        // The campaign page and its ZIP form.
        visit(url("/campaigns/tsra?lang=" + language.code), language);
        WebElement zipForm = browser.findElement(By.cssSelector("form.zip-form"));
        assertThat(zipForm.findElement(By.cssSelector("button[type=submit]")).getText()).isEqualTo(language.findButton);
        zipForm.findElement(By.id("act-zip")).sendKeys("10001");
        zipForm.findElement(By.cssSelector("button[type=submit]")).click();

        // 10001 is split between NY-10 and NY-12: nothing is chosen for the supporter.
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("fieldset#district")));
        checkPage(language);
        assertThat(browser.findElement(By.cssSelector("main h2")).getText()).isEqualTo(language.splitHeading);
        List<WebElement> districts = browser.findElements(By.cssSelector("fieldset#district input[type=radio]"));
        assertThat(districts).extracting(d -> d.getAttribute("value")).containsExactly("NY-10", "NY-12");
        assertThat(districts).noneMatch(WebElement::isSelected);
        browser.findElement(By.cssSelector("fieldset#district input[value='NY-12']")).click();
        browser.findElement(By.xpath("//fieldset[@id='district']/ancestor::form//button[@type='submit']")).click();

        // The members for NY-12 and what the supporter can do.
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".legislators")));
        checkPage(language);
        String legislatorsPage = browser.getCurrentUrl();
        assertThat(legislatorsPage).contains("zip=10001").contains("district=NY-12");
        assertThat(browser.findElement(By.xpath("//main//h2[following-sibling::ul[@class='legislators']]")).getText())
            .isEqualTo(language.membersHeading);
        List<String> members = browser.findElements(By.cssSelector(".legislators li h3"))
            .stream()
            .map(WebElement::getText)
            .toList();
        assertThat(members).hasSize(3);
        assertThat(members.getFirst()).endsWith("Jerrold Nadler");

        // The letter: details first (with the updates box ticked), then letters written
        // for each member.
        browser.findElement(By.linkText(language.letterLink)).click();
        waitFor().until(ExpectedConditions.urlContains("/supporter?next="));
        checkPage(language);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(language.detailsHeading);
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("zip")).sendKeys("10001");
        WebElement updates = browser.findElement(By.id("updates"));
        assertThat(updates.isSelected()).isFalse();
        updates.click();
        assertThat(updates.isSelected()).isTrue();
        submitMainForm();

        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("body-" + NADLER)));
        checkPage(language);
        assertThat(browser.getCurrentUrl()).contains("/campaigns/tsra/letter").contains("district=NY-12");
        assertThat(browser.findElement(By.id("body-" + NADLER)).getAttribute("value")).contains(name)
            .contains("Nadler");
        submitMainForm();

        waitFor().until(ExpectedConditions.urlContains("/letter/ready/"));
        checkPage(language);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(language.lettersReady);
        WebElement nadlerLetter = browser.findElements(By.cssSelector("article.letter"))
            .stream()
            .filter(article -> article.findElement(By.tagName("h2")).getText().contains("Nadler"))
            .findFirst()
            .orElseThrow();
        String mailto = nadlerLetter.findElement(By.cssSelector("a[href^='mailto:']")).getAttribute("href");
        String body = URLDecoder.decode(mailto.substring(mailto.indexOf("body=") + 5), StandardCharsets.UTF_8);
        assertThat(body).contains(name).contains("Nadler");
        assertThat(actions(email, "LETTER")).contains(NADLER);

        // A call, with its outcome recorded.
        browser.get(legislatorsPage);
        browser.findElement(By.linkText(language.callLink)).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("outcome-TALKED_TO_STAFF")));
        checkPage(language);
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith(language.callHeadingPrefix);
        String called = browser.findElement(By.cssSelector("input[name=bioguideId]")).getAttribute("value");
        browser.findElement(By.id("outcome-TALKED_TO_STAFF")).click();
        submitMainForm();
        waitFor().until(ExpectedConditions.urlContains("step=1"));
        checkPage(language);
        assertThat(browser.findElement(By.cssSelector("main p.notice[role=status]")).getText()).isNotBlank();
        assertThat(jdbc.queryForList(
                "select a.bioguide_id || ':' || a.outcome from supporter_action a"
                        + " join supporter s on s.id = a.supporter_id where s.email = ? and a.action_type = 'CALL'",
                String.class, email))
            .containsExactly(called + ":TALKED_TO_STAFF");

        // A meeting request, stored for staff and confirmed by email.
        browser.get(legislatorsPage);
        browser.findElement(By.linkText(language.meetingLink)).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("preferredDates")));
        checkPage(language);
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo(name);
        assertThat(browser.findElement(By.id("email")).getAttribute("value")).isEqualTo(email);
        browser.findElement(By.id("whom-" + NADLER)).click();
        browser.findElement(By.id("preferredDates")).sendKeys("Weekday mornings in March");
        browser.findElement(By.id("topic")).sendKeys("Funding for survivor services under the TSRA");
        submitMainForm();
        waitFor().until(ExpectedConditions.urlContains("/meeting/requested"));
        checkPage(language);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(language.meetingRequested);
        assertThat(
                jdbc.queryForList("select bioguide_id || '|' || preferred_dates || '|' || status from meeting_request"
                        + " where email = ?", String.class, email))
            .containsExactly(NADLER + "|Weekday mornings in March|REQUESTED");
        MimeMessage meetingMail = awaitMail(email, language.meetingSubjectPrefix);
        assertThat(meetingMail.getSubject()).contains("Nadler");
        assertThat(textOf(meetingMail)).contains(name).contains("Weekday mornings in March");

        // The double opt-in: the link in the real email, followed in the browser, then
        // its one button.
        MimeMessage confirmation = awaitMail(email, language.confirmSubject);
        Matcher confirm = Pattern.compile(Pattern.quote(BASE_URL) + "/subscribe/confirm/[A-Za-z0-9_-]+")
            .matcher(textOf(confirmation));
        assertThat(confirm.find()).as(textOf(confirmation)).isTrue();
        assertThat(jdbc.queryForObject("select email_consent from supporter where email = ?", Boolean.class, email))
            .isFalse();
        visit(confirm.group(), language); // following the link only asks: mail scanners
                                          // follow links too
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(language.confirmHeading);
        assertThat(jdbc.queryForObject("select email_consent from supporter where email = ?", Boolean.class, email))
            .isFalse();
        submitMainForm();
        waitFor().until(ExpectedConditions.textToBe(By.tagName("h1"), language.subscribed));
        checkPage(language);
        assertThat(jdbc.queryForObject(
                "select email_consent and consent_confirmed_at is not null from supporter" + " where email = ?",
                Boolean.class, email))
            .isTrue();

        // One-click unsubscribe (RFC 8058) from the List-Unsubscribe header: no cookie,
        // no CSRF token.
        String header = confirmation.getHeader("List-Unsubscribe")[0];
        assertThat(confirmation.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(header).startsWith("<" + BASE_URL + "/unsubscribe/").endsWith(">");
        String unsubscribeUrl = header.substring(1, header.length() - 1);
        visit(unsubscribeUrl, language); // following the link only asks
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(language.unsubscribeHeading);
        assertThat(jdbc.queryForObject("select unsubscribed_at is null from supporter where email = ?", Boolean.class,
                email))
            .isTrue();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(unsubscribeUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }
        assertThat(jdbc.queryForObject(
                "select not email_consent and unsubscribed_at is not null from supporter" + " where email = ?",
                Boolean.class, email))
            .isTrue();
        visit(unsubscribeUrl, language);
        assertThat(browser.findElement(By.cssSelector("main p")).getText()).isEqualTo(language.alreadyUnsubscribed);
        assertThat(browser.findElements(By.cssSelector("main form"))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aSurvivorSharesAStoryAndWithdrawsConsentWithThePrivateLink(Language language) {
        String title = "Journey story " + language.code + " " + System.nanoTime();
        browser = HeadlessChrome.start();
        visit(url("/campaigns/tsra?lang=" + language.code), language);
        visit(url("/campaigns/tsra/stories/new"), language);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(language.storyHeading);
        browser.findElement(By.id("title")).sendKeys(title);
        browser.findElement(By.id("body")).sendKeys("Help came late, but it came. Others should not have to wait.");
        browser.findElement(By.id("attribution-ANONYMOUS")).click();
        browser.findElement(By.id("publishOnSite")).click();
        submitMainForm();

        waitFor().until(ExpectedConditions.urlContains("/stories/submitted"));
        checkPage(language);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(language.storySubmitted);
        assertThat(jdbc.queryForObject("select status from story where title = ?", String.class, title))
            .isEqualTo("SUBMITTED");
        WebElement privateLink = browser.findElement(By.id("withdrawal-link"));
        assertThat(privateLink.getAttribute("href")).startsWith(BASE_URL + "/stories/withdraw/");
        privateLink.click();

        waitFor().until(ExpectedConditions.urlContains("/stories/withdraw/"));
        checkPage(language);
        WebElement withdraw = browser.findElement(By.cssSelector("main form button[type=submit]"));
        assertThat(withdraw.getText()).isEqualTo(language.withdrawButton);
        withdraw.click();

        waitFor().until(ExpectedConditions.textToBe(By.tagName("h1"), language.withdrawn));
        checkPage(language);
        assertThat(browser.findElement(By.cssSelector("main p[role=status]")).getText()).contains(title);
        assertThat(browser.findElements(By.cssSelector("main form"))).isEmpty();
        assertThat(jdbc.queryForObject("select status from story where title = ?", String.class, title))
            .isEqualTo("WITHDRAWN");
    }

    private void visit(String address, Language language) {
        browser.get(address);
        checkPage(language);
    }

    /**
     * The page is in the visitor's language and axe-core finds no WCAG 2.0/2.1/2.2 A or
     * AA violation.
     */
    private void checkPage(Language language) {
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).as(browser.getCurrentUrl())
            .isEqualTo(language.code);
        BrowserJourneyIntegrationTests.assertNoAxeViolations(browser);
    }

    private void submitMainForm() {
        browser.findElement(By.cssSelector("main form[method=post] button[type=submit]")).click();
    }

    private List<String> actions(String email, String type) {
        return jdbc
            .queryForList("select a.bioguide_id from supporter_action a join supporter s on s.id = a.supporter_id"
                    + " where s.email = ? and a.action_type = ?", String.class, email, type);
    }

    /** Waits for the email to this address whose subject starts as given. */
    private static MimeMessage awaitMail(String to, String subjectPrefix) {
        AtomicReference<MimeMessage> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            found.set(mailTo(to, subjectPrefix));
            assertThat(found.get()).as("an email to %s starting '%s'; received: %s", to, subjectPrefix, subjects())
                .isNotNull();
        });
        return found.get();
    }

    private static @Nullable MimeMessage mailTo(String to, String subjectPrefix) throws MessagingException {
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            boolean toThem = Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(to));
            if (toThem && message.getSubject().startsWith(subjectPrefix)) {
                return message;
            }
        }
        return null;
    }

    private static List<String> subjects() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(m -> {
            try {
                return m.getSubject();
            }
            catch (MessagingException e) {
                return e.toString();
            }
        }).toList();
    }

    /** The decoded plain text of a message. */
    private static String textOf(MimeMessage message) {
        try {
            return text(message.getContent());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof String string) {
            return string;
        }
        if (content instanceof Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                all.append(text(part.getContent())).append('\n');
            }
            return all.toString();
        }
        return "";
    }

    private WebDriverWait waitFor() {
        return new WebDriverWait(browser, Duration.ofSeconds(30), HeadlessChrome.POLL);
    }

    private static String url(String path) {
        return BASE_URL + path;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
