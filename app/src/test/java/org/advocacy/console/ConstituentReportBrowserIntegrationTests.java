package org.advocacy.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.advocacy.HeadlessChrome;
import org.advocacy.staff.Role;
import org.advocacy.staff.StaffUserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The constituent report counts what was aimed at the chosen member, by people in their
 * state, and each person once: checked figure by figure in the browser against a known
 * data set in a period of its own (March 2020), so that no other test's rows fall into
 * it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConstituentReportBrowserIntegrationTests {

    private static final String WYDEN = "W000779";

    private static final String MERKLEY = "M001176";

    private static final String BONAMICI = "B001278";

    private static final String DEXTER = "D000635";

    static WebDriver browser;

    @LocalServerPort
    int port;

    // The application's strategy (Vaadin installs its own), not the static holder another
    // context may have set.
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @Autowired
    StaffUserService staff;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChrome.startForConsole();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theReportCountsActionsAimedAtTheMemberByConstituentsAndEachPersonOnce() {
        jdbc.update("delete from supporter_action where occurred_at >= '2020-03-01' and occurred_at < '2020-05-01'");
        jdbc.update("delete from cwc_delivery where created_at >= '2020-03-01' and created_at < '2020-05-01'");
        long campaign = jdbc.queryForObject("select min(id) from campaign", Long.class);
        long ana = supporter("Ana", "OR", 1);
        long ben = supporter("Ben", "OR", 3);
        long walt = supporter("Walt", "WA", 7);

        // 6 letters from 2 people, 2 of them to Wyden (one delivered through CWC).
        action(ana, campaign, "LETTER", WYDEN, "MAILTO", "OR", 1, "2020-03-05T10:00:00Z");
        action(ana, campaign, "LETTER", MERKLEY, "MAILTO", "OR", 1, "2020-03-05T10:00:00Z");
        action(ana, campaign, "LETTER", BONAMICI, "MAILTO", "OR", 1, "2020-03-05T10:00:00Z");
        action(ben, campaign, "LETTER", WYDEN, "CWC", "OR", 3, "2020-03-10T10:00:00Z");
        action(ben, campaign, "LETTER", MERKLEY, "CWC", "OR", 3, "2020-03-10T10:00:00Z");
        action(ben, campaign, "LETTER", DEXTER, "CWC", "OR", 3, "2020-03-10T10:00:00Z");
        delivered(ben, campaign, WYDEN, "2020-03-10T10:00:01Z");
        // Two calls to Wyden by Ana (one person), one to Merkley by Ben, one to Wyden by
        // someone since erased.
        action(ana, campaign, "CALL", WYDEN, "PHONE", "OR", 1, "2020-03-06T10:00:00Z");
        action(ana, campaign, "CALL", WYDEN, "PHONE", "OR", 1, "2020-03-07T10:00:00Z");
        action(ben, campaign, "CALL", MERKLEY, "PHONE", "OR", 3, "2020-03-11T10:00:00Z");
        action(null, campaign, "CALL", WYDEN, "PHONE", "OR", 2, "2020-03-12T10:00:00Z");
        // One meeting request to Wyden by Ben.
        action(ben, campaign, "MEETING_REQUEST", WYDEN, null, "OR", 3, "2020-03-13T10:00:00Z");
        // Not counted: a sign-up (aimed at nobody), someone outside Oregon, a letter
        // after the period.
        action(ana, campaign, "SIGNUP", null, null, "OR", 1, "2020-03-05T09:00:00Z");
        action(walt, campaign, "LETTER", WYDEN, "MAILTO", "WA", 7, "2020-03-15T10:00:00Z");
        action(ana, campaign, "LETTER", WYDEN, "MAILTO", "OR", 1, "2020-04-02T10:00:00Z");

        logIn(Role.VIEWER);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90), HeadlessChrome.POLL);
        browser.get("http://localhost:" + port + "/admin/reports/constituents?member=" + WYDEN
                + "&from=2020-03-01&to=2020-03-31");
        wait.until(d -> !d.findElements(By.id("report-figures")).isEmpty());

        assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("Sen. Ron Wyden (D, OR)");
        assertThat(browser.findElement(By.id("report-how")).getText()).isEqualTo(
                "Actions aimed at Sen. Ron Wyden by people in Oregon, 1 Mar 2020 to 31 Mar 2020. Each letter, call or "
                        + "meeting request to this office counts once under Actions; a person who wrote twice counts once "
                        + "under People.");
        assertThat(browser.findElement(By.id("report-summary")).getText()).isEqualTo("6 actions by 2 people.");
        assertThat(row("LETTER")).containsExactly("Letters", "2", "2");
        assertThat(row("CALL")).containsExactly("Calls to the office", "3", "1");
        assertThat(row("MEETING_REQUEST")).containsExactly("Meeting requests", "1", "1");
        assertThat(row("TOTAL")).containsExactly("All actions", "6", "2");
        assertThat(browser.findElement(By.id("report-letters")).getText()).isEqualTo("Letters: 1 sent into the office "
                + "through Communicating with Congress (1 delivered); 1 prepared for constituents to send themselves.");
        assertThat(browser.findElement(By.tagName("body")).getText())
            .contains("1 action by people who have since asked to be erased count under Actions but not under People.")
            .doesNotContain("Ana")
            .doesNotContain("Ben");

        // The same data from a House member's side: only Ana's letter, in her district.
        browser.get("http://localhost:" + port + "/admin/reports/constituents?member=" + BONAMICI
                + "&from=2020-03-01&to=2020-03-31");
        wait.until(d -> d.findElements(By.id("report-how"))
            .stream()
            .anyMatch(p -> p.getText()
                .startsWith("Actions aimed at Rep. Suzanne Bonamici by people in Oregon's district 1,")));
        assertThat(browser.findElement(By.id("report-summary")).getText()).isEqualTo("1 action by 1 person.");
        assertThat(row("LETTER")).containsExactly("Letters", "1", "1");
        assertThat(row("CALL")).containsExactly("Calls to the office", "0", "0");
    }

    private List<String> row(String id) {
        return browser.findElement(By.id("row-" + id))
            .findElements(By.cssSelector("th, td"))
            .stream()
            .map(WebElement::getText)
            .toList();
    }

    private long supporter(String name, String state, int district) {
        return jdbc.queryForObject(
                "insert into supporter (email, name, unsubscribe_token, state, district) "
                        + "values (?, ?, ?, ?, ?) returning id",
                Long.class, name.toLowerCase() + "-" + UUID.randomUUID() + "@example.org", name,
                UUID.randomUUID().toString().replace("-", ""), state, district);
    }

    private void action(Long supporter, long campaign, String type, String bioguide, String method, String state,
            int district, String at) {
        jdbc.update(
                "insert into supporter_action (supporter_id, campaign_id, action_type, bioguide_id, delivery_method, "
                        + "state, district, occurred_at, idempotency_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                supporter, campaign, type, bioguide, method, state, district, Timestamp.from(Instant.parse(at)),
                "report-test:" + UUID.randomUUID());
    }

    private void delivered(long supporter, long campaign, String bioguide, String at) {
        jdbc.update(
                "insert into cwc_delivery (delivery_id, idempotency_key, campaign_id, supporter_id, bioguide_id, "
                        + "member_office, status, zip, state, created_at, ended_at, erased_at) "
                        + "values (?, ?, ?, ?, ?, 'SOR01', 'DELIVERED', '97201', 'OR', ?, ?, ?)",
                UUID.randomUUID().toString().replace("-", ""), "report-test:" + UUID.randomUUID(), campaign, supporter,
                bioguide, Timestamp.from(Instant.parse(at)), Timestamp.from(Instant.parse(at)),
                Timestamp.from(Instant.parse(at)));
    }

    private void logIn(Role role) {
        String email = "report-" + UUID.randomUUID() + "@example.org";
        String password = "Report-test-" + UUID.randomUUID();
        securityContexts.getContext()
            .setAuthentication(new UsernamePasswordAuthenticationToken("test", null,
                    AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            staff.create(email, "Report reader", password, role);
        }
        finally {
            securityContexts.clearContext();
        }
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90), HeadlessChrome.POLL);
        browser.get("http://localhost:" + port + "/admin/login");
        wait.until(d -> !d.findElements(By.cssSelector("vaadin-text-field[name='username'] > input")).isEmpty());
        browser.findElement(By.cssSelector("vaadin-text-field[name='username'] > input")).sendKeys(email);
        browser.findElement(By.cssSelector("vaadin-password-field[name='password'] > input")).sendKeys(password);
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

}
