package org.advocacy.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.advocacy.HeadlessChrome;
import org.advocacy.StaffAccounts;
import org.advocacy.reminders.Audience;
import org.advocacy.reminders.AudienceRule;
import org.advocacy.reminders.ReminderDraft;
import org.advocacy.reminders.ReminderService;
import org.advocacy.testsupport.ReminderTestData;
import org.advocacy.testsupport.ReminderTestData.Consent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 14, finding 5: failures read in plain words with what to do, and the full detail
 * is one click away. A roster sync whose source file does not exist, started from Jobs,
 * and a reminder whose mail server is not there (a closed port), seen by an administrator
 * in a real browser. No Java class names outside Details.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "advocacy.roster.legislators-url=" + ConsoleFailuresBrowserIntegrationTests.MISSING_ROSTER,
                "advocacy.scheduling.enabled=false", "advocacy.reminders.initial-backoff=PT0.1S",
                "advocacy.reminders.max-backoff=PT0.2S", "advocacy.reminders.max-attempts=2" })
class ConsoleFailuresBrowserIntegrationTests {

    static final String MISSING_ROSTER = "file:/nonexistent/advocacy-console-failures/legislators-current.yaml";

    /** Technical words staff must never see outside a Details dialog. */
    static final List<String> TECHNICAL = List.of("Exception", "java.", "jakarta.", "org.springframework",
            "org.advocacy");

    @DynamicPropertySource
    static void unreachableMailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", ConsoleFailuresBrowserIntegrationTests::closedPort);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    ReminderService reminders;

    WebDriver browser;

    WebDriverWait wait;

    @BeforeEach
    void logIn() throws IOException {
        StaffAccounts.ensure(jdbc, encoder, StaffAccounts.ADMIN_EMAIL, StaffAccounts.ADMIN_PASSWORD, "ADMIN");
        browser = chromium();
        wait = new WebDriverWait(browser, Duration.ofSeconds(90));
        browser.get("http://localhost:" + port + "/admin/login");
        wait.until(d -> !d.findElements(By.cssSelector("vaadin-text-field[name='username'] > input")).isEmpty());
        browser.findElement(By.cssSelector("vaadin-text-field[name='username'] > input"))
            .sendKeys(StaffAccounts.ADMIN_EMAIL);
        browser.findElement(By.cssSelector("vaadin-password-field[name='password'] > input"))
            .sendKeys(StaffAccounts.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    @AfterEach
    void quit() {
        SecurityContextHolder.clearContext();
        // The test database is shared: leave the roster history as other tests expect it
        // (a good run in view).
        jdbc.update("delete from roster_sync_run where status = 'FAILED' and message like ?",
                "%" + MISSING_ROSTER + "%");
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aRosterSyncWhoseSourceCannotBeReadFailsInPlainWordsWithTheAddressBehindDetails() {
        browser.get("http://localhost:" + port + "/admin/jobs");
        WebElement start = wait.until(d -> button(d.findElements(By.tagName("vaadin-button")), "Run roster sync"));
        long newestBefore = newestRosterRun();
        start.click();

        String plain = "Roster sync could not fetch its data from the source. Nothing was changed. Try again later; "
                + "if it keeps failing, open Details and send them to whoever runs the platform.";
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> d.findElements(By.tagName("vaadin-notification-card"))
                    .stream()
                    .anyMatch(c -> c.getText().contains(plain)));
        }
        catch (TimeoutException e) {
            throw new AssertionError("Page: " + pageText(), e);
        }
        long run = newestRosterRun();
        assertThat(run).as("the announced failure is of the run just started").isGreaterThan(newestBefore);
        wait.until(d -> cells(d).contains("#" + run));
        assertThat(browser.findElements(By.tagName("vaadin-notification-card")).stream().map(WebElement::getText))
            .as("never 'started' after the run failed")
            .noneMatch(text -> text.contains("started"));
        wait.until(d -> cells(d).stream().anyMatch(text -> text.startsWith(plain)));
        assertThat(cells(browser)).as("the steps in words")
            .anyMatch(text -> text.startsWith("Fetched the roster: failed"));
        assertNothingTechnical();

        // Details from the notification, then from the grid row: both name the address
        // that could not be read.
        clickDetailsInNotification(plain);
        assertDialog("What went wrong", "Cannot read " + MISSING_ROSTER + ": no such file");
        clickInCell(plain, "Details");
        assertDialog("Why roster sync failed", "Cannot read " + MISSING_ROSTER + ": no such file");

        browser.get("http://localhost:" + port + "/admin/roster/history");
        String history = "The roster source could not be read. Nothing was changed. Try again later from Jobs; "
                + "if it keeps failing, open Details.";
        wait.until(d -> cells(d).stream().anyMatch(text -> text.startsWith(history)));
        assertThat(cells(browser)).contains("Failed").doesNotContain("FAILED");
        assertNothingTechnical();
        clickInCell(history, "Details");
        assertDialog("Why this roster sync failed", "Cannot read " + MISSING_ROSTER + ": no such file");
    }

    @Test
    void aReminderTheMailServerCannotTakeSaysWhatToDoWithTheReasonAndEachRecipientsState() {
        ReminderTestData data = new ReminderTestData(jdbc);
        data.clean();
        data.legislators();
        long campaign = data.campaign("console-failures");
        long rosa = data.supporter("rosa-" + UUID.randomUUID(), "Rosa Alvarez", "VT", 0, Consent.CONFIRMED);
        long tom = data.supporter("tom-" + UUID.randomUUID(), "Tom Baker", "ME", 1, Consent.CONFIRMED);
        data.action(rosa, campaign, "LETTER");
        data.action(tom, campaign, "LETTER");
        SecurityContextHolder.getContext()
            .setAuthentication(new TestingAuthenticationToken("organizer@advocacy.test", null, "ROLE_ORGANIZER"));
        String subject = "Town hall on Saturday " + UUID.randomUUID().toString().substring(0, 8);
        long id = reminders
            .create(new ReminderDraft(subject, "<p>See you there.</p>", "See you there.",
                    new Audience(AudienceRule.CAMPAIGN, campaign, null, null, null, null, null)),
                    "organizer@advocacy.test")
            .getId();
        reminders.sendNow(id);
        await().atMost(Duration.ofSeconds(60))
            .until(() -> "FAILED"
                .equals(jdbc.queryForObject("select status from reminder where id = ?", String.class, id)));

        browser.get("http://localhost:" + port + "/admin/reminders");
        wait.until(d -> cells(d).contains(subject));
        wait.until(d -> cells(d).stream()
            .anyMatch(text -> text.contains("Sending stopped: the mail server could not "
                    + "take the emails. Check the mail settings or try Resume later.")));
        assertThat(cells(browser)).contains("Failed").anyMatch(text -> text.contains("0 sent of 2"));
        assertNothingTechnical();

        clickInCell("", "Why it failed");
        assertDialog("Why sending stopped",
                "The mail server could not take the emails. Check the mail settings, " + "then press Resume.",
                "The mail server failed 2 times in a row");

        clickInCell("", "Recipients");
        wait.until(d -> dialogText().contains("Rosa Alvarez") && dialogText().contains("Tom Baker"));
        String recipients = dialogText();
        assertThat(recipients).contains("Recipients of \u201c" + subject + "\u201d", "Waiting to send")
            .contains("Not sent yet: the last try failed (2 tries so far); it is sent when you press Resume.")
            .doesNotContain("PENDING", "FAILED_PERMANENT", "Exception", "java.");
        assertThat(recipients).as("emails are masked").doesNotContain(data.email(rosa), data.email(tom));
    }

    private long newestRosterRun() {
        return jdbc.queryForObject("""
                select coalesce(max(e.job_execution_id), 0) from batch_job_execution e
                join batch_job_instance i on i.job_instance_id = e.job_instance_id where i.job_name = 'roster-sync'""",
                Long.class);
    }

    private void assertDialog(String... texts) {
        try {
            wait.until(d -> List.of(texts).stream().allMatch(dialogText()::contains));
        }
        catch (TimeoutException e) {
            throw new AssertionError("Dialog: " + dialogText() + "\nPage: " + pageText(), e);
        }
        closeDialog();
    }

    private void closeDialog() {
        button(browser.findElements(By.cssSelector("vaadin-dialog vaadin-button")), "Close").click();
        wait.until(d -> d.findElements(By.tagName("vaadin-dialog"))
            .stream()
            .noneMatch(ConsoleFailuresBrowserIntegrationTests::shown));
    }

    /** Whether the element is on screen; one Vaadin has just removed is not. */
    private static boolean shown(WebElement element) {
        try {
            return element.isDisplayed();
        }
        catch (StaleElementReferenceException removed) {
            return false;
        }
    }

    private static String text(WebElement element) {
        try {
            return element.getText();
        }
        catch (StaleElementReferenceException removed) {
            return "";
        }
    }

    private String pageText() {
        return browser.findElement(By.tagName("body")).getText() + "\nNotifications: "
                + browser.findElements(By.tagName("vaadin-notification-card"))
                    .stream()
                    .map(WebElement::getText)
                    .toList();
    }

    private String dialogText() {
        return String.join("\n",
                browser.findElements(By.tagName("vaadin-dialog"))
                    .stream()
                    .map(ConsoleFailuresBrowserIntegrationTests::text)
                    .toList());
    }

    /** The page outside any dialog: no Java class names, no codes, no clipped text. */
    private void assertNothingTechnical() {
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(TECHNICAL).allSatisfy(word -> assertThat(page).as("page text").doesNotContain(word));
        assertThat(cells(browser)).noneMatch(text -> text.endsWith("…"));
    }

    /**
     * Clicks a button in the grid cell whose text starts with {@code cellText}; the views
     * poll and re-render their grids every two seconds, so a cell found a moment ago may
     * be gone: find and click again.
     */
    private void clickInCell(String cellText, String buttonText) {
        wait.ignoring(StaleElementReferenceException.class)
            .ignoring(ElementClickInterceptedException.class)
            .until(d -> {
                // The grid holds rows out of view too (older runs); only a cell in the
                // window can be clicked.
                WebElement button = d.findElements(By.tagName("vaadin-grid-cell-content"))
                    .stream()
                    .filter(c -> c.getText().startsWith(cellText) && c.getRect().getY() > 0
                            && c.getRect().getY() + c.getRect().getHeight() < d.manage().window().getSize().getHeight())
                    .map(c -> button(c.findElements(By.tagName("vaadin-button")), buttonText))
                    .filter(b -> b != null)
                    .findFirst()
                    .orElse(null);
                if (button == null) {
                    return false;
                }
                button.click();
                return true;
            });
    }

    /**
     * Clicks Details in the notification that says {@code message} until a dialog opens.
     * A pointer click lands where the button was when it was found; the card can still be
     * moving (CI once saw such a click open nothing), so the click event goes to the
     * button itself, and again if no dialog has come after a few seconds.
     */
    private void clickDetailsInNotification(String message) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(3))
            .ignoring(StaleElementReferenceException.class)
            .until(d -> {
                if (!dialogText().isBlank()) {
                    return true;
                }
                d.findElements(By.tagName("vaadin-notification-card"))
                    .stream()
                    .filter(card -> card.getText().contains(message))
                    .map(card -> button(card.findElements(By.tagName("vaadin-button")), "Details"))
                    .filter(Objects::nonNull)
                    .findFirst()
                    .ifPresent(details -> ((JavascriptExecutor) d).executeScript("arguments[0].click()", details));
                return false;
            });
    }

    private static WebElement button(List<WebElement> buttons, String text) {
        return buttons.stream().filter(b -> b.getText().equals(text)).findFirst().orElse(null);
    }

    private static List<String> cells(WebDriver driver) {
        return driver.findElements(By.tagName("vaadin-grid-cell-content")).stream().map(WebElement::getText).toList();
    }

    private static WebDriver chromium() {
        return HeadlessChrome.startForConsole();
    }

    /**
     * A port nothing listens on: bound, read, released (connections to it are refused).
     */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
