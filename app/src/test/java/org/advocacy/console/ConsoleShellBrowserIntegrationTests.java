package org.advocacy.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.advocacy.HeadlessChrome;
import org.advocacy.StaffAccounts;
import org.advocacy.stories.Attribution;
import org.advocacy.stories.Story;
import org.advocacy.stories.StoryService;
import org.advocacy.stories.StorySubmission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.WebApplicationContext;

import com.vaadin.flow.server.startup.ApplicationConfiguration;
import com.vaadin.flow.server.VaadinServletContext;

/**
 * The console as staff meet it: the default build runs in production mode (no dev tools,
 * nothing over "Log out"), an organiser gets the console's own "no access" and "not
 * found" pages, and sign-ins, job starts and a story's consent withdrawal appear in the
 * audit log by name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleShellBrowserIntegrationTests {

    static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    WebApplicationContext context;

    @Autowired
    StoryService stories;

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

    @AfterEach
    void logOut() {
        browser.manage().deleteAllCookies();
    }

    @Test
    void theReadmesRunModeShowsNoDevelopmentToolsAndLogOutIsClickable() {
        // The README runs the default build, as this test does: it must be Vaadin's
        // production mode.
        assertThat(
                ApplicationConfiguration.get(new VaadinServletContext(context.getServletContext())).isProductionMode())
            .as("the default Maven build runs the console in production mode")
            .isTrue();
        String email = account("ADMIN");
        logIn(email);
        WebElement logout = wait(browser).until(d -> d.findElements(By.tagName("vaadin-button"))
            .stream()
            .filter(b -> b.getText().equals("Log out"))
            .findFirst()
            .orElse(null));

        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertThat(js.executeScript("return document.querySelector('vaadin-dev-tools') === null")).isEqualTo(true);
        assertThat(js.executeScript("return !!(window.Vaadin && window.Vaadin.devToolsPlugins)")).isEqualTo(false);
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContainIgnoringCase("development mode");
        // Nothing sits on top of "Log out": the element at its centre is the button or
        // inside it.
        assertThat(js.executeScript("""
                const b = arguments[0].getBoundingClientRect();
                const top = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
                return top === arguments[0] || arguments[0].contains(top);""", logout)).isEqualTo(true);

        logout.click();
        wait(browser).until(d -> d.getCurrentUrl().contains("/admin/login"));
        // Signing in and out both reach the audit log.
        assertThat(jdbc.queryForList("select action from audit_event where actor = ? order by id", String.class, email))
            .containsSubsequence("staff.sign-in", "staff.sign-out");
    }

    @Test
    void anOrganiserGetsTheConsolesOwnNoAccessAndNotFoundPages() {
        logIn(account("ORGANIZER"));

        browser.get("http://localhost:" + port + "/admin/staff");
        wait(browser).until(d -> heading(d).equals("You don't have access to this page"));
        String denied = browser.findElement(By.tagName("body")).getText();
        assertThat(denied).contains("Your role does not include this part of the console")
            .contains("Log out")
            .doesNotContain("Available routes")
            .doesNotContain("audit")
            .doesNotContainIgnoringCase("exception");

        browser.get("http://localhost:" + port + "/admin/nonexistent");
        wait(browser).until(d -> heading(d).equals("Page not found"));
        String missing = browser.findElement(By.tagName("body")).getText();
        assertThat(missing).contains("There is no console page at this address")
            .contains("Log out")
            .doesNotContain("Available routes")
            .doesNotContain("Could not navigate");
    }

    @Test
    void signInsJobStartsAndConsentWithdrawalsAppearInTheAuditLogByName() {
        String email = account("ADMIN");
        String title = "Audit story " + UUID.randomUUID();
        Story story = stories.submit(new StorySubmission(null, title, "What happened to me.", Attribution.ANONYMOUS,
                null, null, null, true, false, false));
        stories.withdrawConsent(story.getWithdrawalToken());
        logIn(email);

        browser.get("http://localhost:" + port + "/admin/jobs");
        wait(browser)
            .until(d -> d.findElements(By.tagName("vaadin-button"))
                .stream()
                .filter(b -> b.getText().equals("Run district import"))
                .findFirst()
                .orElse(null))
            .click();
        wait(browser).until(d -> !cells(d).isEmpty() && cells(d).contains("District import"));

        browser.get("http://localhost:" + port + "/admin/audit");
        WebElement who = wait(browser)
            .until(d -> d.findElements(By.cssSelector("vaadin-text-field > input")).stream().findFirst().orElse(null));
        who.sendKeys(email);
        wait(browser).until(d -> cells(d).contains("Staff: sign in") && cells(d).contains("Job: start"));
        List<String> mine = cells(browser);
        assertThat(mine).contains("Test admin (" + email + ")", "District import");

        who.clear();
        who.sendKeys("story submitter");
        wait(browser).until(d -> cells(d).contains(title));
        assertThat(cells(browser)).contains("Story: consent withdrawn", "story submitter (withdrawal link)")
            .noneMatch(text -> text.startsWith("Story #"));
        // Its details: the changed field in words, not JSON.
        browser.findElements(By.tagName("vaadin-grid-cell-content"))
            .stream()
            .filter(c -> c.getText().equals(title))
            .findFirst()
            .orElseThrow()
            .click();
        wait(browser).until(d -> d.findElements(By.cssSelector("tr.changed"))
            .stream()
            .anyMatch(row -> row.getText().contains("Status (changed)") && row.getText().contains("WITHDRAWN")));
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("{\"status\"");
    }

    private String account(String role) {
        String email = role.toLowerCase() + "-shell-" + UUID.randomUUID() + "@example.org";
        StaffAccounts.ensure(jdbc, encoder, email, StaffAccounts.ADMIN_PASSWORD, role);
        return email;
    }

    private void logIn(String email) {
        browser.get("http://localhost:" + port + "/admin/login");
        wait(browser)
            .until(d -> !d.findElements(By.cssSelector("vaadin-text-field[name='username'] > input")).isEmpty());
        browser.findElement(By.cssSelector("vaadin-text-field[name='username'] > input")).sendKeys(email);
        browser.findElement(By.cssSelector("vaadin-password-field[name='password'] > input"))
            .sendKeys(StaffAccounts.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
        wait(browser).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private static WebDriverWait wait(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(60), HeadlessChrome.POLL);
    }

    private static String heading(WebDriver driver) {
        return driver.findElements(By.tagName("h1")).stream().map(WebElement::getText).findFirst().orElse("");
    }

    private static List<String> cells(WebDriver driver) {
        return driver.findElements(By.tagName("vaadin-grid-cell-content")).stream().map(WebElement::getText).toList();
    }

}
