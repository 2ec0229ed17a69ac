package org.advocacy.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.advocacy.HeadlessChrome;
import org.advocacy.staff.Role;
import org.advocacy.staff.StaffUserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
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
 * The console's roster pages and jobs: the roster grid searched by name, a member's page,
 * the sync history, and an administrator starting the district import and watching it
 * finish.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleJobsBrowserIntegrationTests {

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
    void anAdministratorStartsTheDistrictImportAndWatchesItComplete() {
        String email = "roster-console-" + UUID.randomUUID() + "@example.org";
        String password = "Console-test-" + UUID.randomUUID();
        securityContexts.getContext()
            .setAuthentication(new UsernamePasswordAuthenticationToken("test", null,
                    AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            staff.create(email, "Roster test admin", password, Role.ADMIN);
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

        browser.get("http://localhost:" + port + "/admin/roster");
        WebElement name = wait
            .until(d -> d.findElements(By.cssSelector("vaadin-text-field > input")).stream().findFirst().orElse(null));
        name.sendKeys("Pelosi");
        wait.until(d -> cells(d).stream().anyMatch(text -> text.equals("Nancy Pelosi")));
        assertThat(cells(browser)).contains("CA-11", "Democrat", "In office");

        browser.get("http://localhost:" + port + "/admin/roster/member/G000607");
        wait.until(d -> d.findElements(By.tagName("h1"))
            .stream()
            .anyMatch(h -> h.getText().equals("Rep. James Gallagher")));
        assertThat(browser.findElement(By.tagName("body")).getText())
            .contains("The roster has no contact details for this member yet")
            .contains("No district offices are listed for this member.");

        browser.get("http://localhost:" + port + "/admin/roster/history");
        wait.until(d -> cells(d).contains("Succeeded"));

        browser.get("http://localhost:" + port + "/admin/jobs");
        WebElement start = wait.until(d -> d.findElements(By.tagName("vaadin-button"))
            .stream()
            .filter(b -> b.getText().equals("Run district import"))
            .findFirst()
            .orElse(null));
        long newestBefore = newestDistrictImport();
        start.click();
        // The grid renders only the rows in view and the shared database holds many runs:
        // find this run by number.
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30), HeadlessChrome.POLL)
                .until(d -> newestDistrictImport() > newestBefore);
        }
        catch (TimeoutException e) {
            throw new AssertionError(
                    "The district import did not start: " + browser.findElement(By.tagName("body")).getText() + " | "
                            + browser.findElements(By.tagName("vaadin-notification-card"))
                                .stream()
                                .map(WebElement::getText)
                                .toList(),
                    e);
        }
        long run = newestDistrictImport();
        wait.until(d -> cells(d).contains("#" + run) && cells(d).contains("Finished")
                && cells(d).stream().anyMatch(text -> text.contains("42033 rows in the file, 0 inserted, 0 deleted")));
        assertThat(jdbc.queryForObject("select status from batch_job_execution where job_execution_id = ?",
                String.class, run))
            .isEqualTo("COMPLETED");
    }

    private long newestDistrictImport() {
        return jdbc.queryForObject(
                """
                        select coalesce(max(e.job_execution_id), 0) from batch_job_execution e
                        join batch_job_instance i on i.job_instance_id = e.job_instance_id where i.job_name = 'district-import'""",
                Long.class);
    }

    private static List<String> cells(WebDriver driver) {
        return driver.findElements(By.tagName("vaadin-grid-cell-content")).stream().map(WebElement::getText).toList();
    }

}
