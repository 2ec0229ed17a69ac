package org.advocacy.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import org.advocacy.HeadlessChrome;
import org.advocacy.StaffAccounts;
import org.advocacy.staff.Role;
import org.advocacy.staff.StaffUserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The console in headless Chromium: it renders and logs in under its
 * Content-Security-Policy with no violation reported, and a view already open in the
 * browser stops serving personal data (the supporters CSV) once its user is demoted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserSecurityIntegrationTests extends SecurityIntegrationTest {

    static final String PASSWORD = "console browser passphrase 42";
    static final List<String> VIEWS = List.of("", "campaigns", "bills", "stances", "stories", "supporters", "meetings",
            "reminders", "reminders/compose", "roster", "roster/history", "reports/constituents", "jobs", "audit",
            "staff");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    StaffUserService staffUsers;

    ChromeDriver browser;

    WebDriverWait wait;

    @BeforeAll
    void startChromium() {
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        browser = HeadlessChrome.start(options -> options.setCapability("goog:loggingPrefs", logs));
        wait = new WebDriverWait(browser, Duration.ofSeconds(90), HeadlessChrome.POLL);
    }

    @AfterAll
    void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
        browser.manage().deleteAllCookies();
    }

    @Test
    void everyConsoleViewRendersUnderTheContentSecurityPolicyWithoutAViolation() {
        String email = account("ADMIN");
        List<String> violations = new ArrayList<>(cspViolations());
        logIn(email);
        violations.addAll(cspViolations());
        for (String view : VIEWS) {
            browser.get(base() + "/admin/" + view);
            wait.until(d -> !d.getCurrentUrl().contains("/login") && Boolean.TRUE
                .equals(((JavascriptExecutor) d).executeScript(
                        "return !!document.querySelector('h1, h2') && !document.querySelector('.v-loading-indicator[style*=\"display: block\"]');")));
            assertThat(browser.findElements(By.cssSelector("h1, h2"))).as(view + " rendered").isNotEmpty();
            violations.addAll(cspViolations().stream().map(v -> "/admin/" + view + ": " + v).toList());
        }
        assertThat(violations).as("Content-Security-Policy violations reported by the browser").isEmpty();
    }

    @Test
    void theSupportersExportOfAnOpenViewIsRefusedOnceItsOrganiserIsDemoted() {
        String email = account("ORGANIZER");
        logIn(email);
        browser.get(base() + "/admin/supporters");
        String href = wait.until(d -> d.findElement(By.id("export-csv"))).getDomAttribute("href");
        URI download = URI.create(base() + "/admin/").resolve(href);
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        assertThat(fetch(download, session).body()).as("the export, as organiser").startsWith("id,name,");
        Instant changed = Instant.now();

        SecurityContextHolder.getContext()
            .setAuthentication(UsernamePasswordAuthenticationToken.authenticated("another-admin@advocacy.test", null,
                    AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        staffUsers.changeRole(jdbc.queryForObject("select id from staff_user where email = ?", Long.class, email),
                Role.VIEWER);
        SecurityContextHolder.clearContext();

        HttpResponse<String> refused = fetch(download, session);
        assertThat(refused.body()).as("the same export after the demotion").doesNotContain("id,name,");
        assertThat(refused.statusCode()).as("the same export after the demotion").isNotEqualTo(200);
        assertThat(
                jdbc.queryForList("select action from audit_event where lower(actor) = lower(?) and occurred_at >= ?",
                        String.class, email, Timestamp.from(changed)))
            .as("actions recorded in the demoted user's name")
            .isEmpty();
        browser.get(base() + "/admin/reminders");
        wait.until(d -> d.getCurrentUrl().endsWith("/admin/login"));
    }

    @Test
    void theLoginViewTellsAThrottledAddressWhyItMustWait() {
        browser.get(base() + "/admin/login?throttled");
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
            .executeScript("const f = document.querySelector('vaadin-login-form'); return !!f && f.error === true;")));
        Object message = ((JavascriptExecutor) browser).executeScript(
                "const e = document.querySelector('vaadin-login-form').i18n.errorMessage; return e.title + ' ' + e.message;");
        assertThat(message).asString()
            .contains("Too many failed logins from your network")
            .contains("Wait a few minutes");
    }

    String account(String role) {
        String email = "console-browser-" + role.toLowerCase() + "-" + System.nanoTime() + "@advocacy.test";
        StaffAccounts.ensure(jdbc, encoder, email, PASSWORD, role);
        return email;
    }

    void logIn(String email) {
        browser.get(base() + "/admin/login");
        try {
            wait.until(d -> d.findElement(By.cssSelector("input[name='username']"))).sendKeys(email);
        }
        catch (TimeoutException e) {
            // What a too strict policy looks like: Vaadin's client engine never starts.
            throw new AssertionError("The login form never rendered; the browser reported " + cspViolations(), e);
        }
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /**
     * Browser console entries since the last call that report a blocked resource or
     * script.
     */
    List<String> cspViolations() {
        return browser.manage()
            .logs()
            .get(LogType.BROWSER)
            .getAll()
            .stream()
            .map(LogEntry::getMessage)
            .filter(message -> message.contains("Content Security Policy")
                    || message.contains("Content-Security-Policy"))
            .toList();
    }

    /**
     * The download as the browser's session would ask for it (only its session cookie).
     */
    HttpResponse<String> fetch(URI uri, String session) {
        return client().send(HttpRequest.newBuilder(uri).header("Cookie", "JSESSIONID=" + session).GET().build());
    }

}
