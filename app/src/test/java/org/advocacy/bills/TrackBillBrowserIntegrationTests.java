package org.advocacy.bills;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;

import org.advocacy.HeadlessChrome;
import org.advocacy.staff.Role;
import org.advocacy.staff.StaffUserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * An organiser tracks S. 35 (117th) in headless Chromium: a wrong number gets a plain
 * message, the right one is fetched at once from its (real) Bill Status file and shown
 * before anything is saved, and the bill page then says when it was last synced.
 */
class TrackBillBrowserIntegrationTests extends BillStatusFolderIntegrationTest {

    @LocalServerPort
    int port;

    static {
        try (InputStream in = TrackBillBrowserIntegrationTests.class
            .getResourceAsStream("/billstatus/BILLSTATUS-117s35.xml")) {
            Files.write(FOLDER.resolve("BILLSTATUS-117s35.xml"), in.readAllBytes());
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // The application's strategy (Vaadin installs its own), not the static holder another
    // context may have set.
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @Autowired
    StaffUserService staff;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    @AfterEach
    void noSenateBill35() {
        jdbc.update(
                "delete from campaign_bill where bill_id in (select id from bill where congress = 117 and bill_type = 'S' and number = 35)");
        jdbc.update("delete from bill where congress = 117 and bill_type = 'S' and number = 35");
    }

    @Test
    void anOrganiserLooksABillUpSeesWhatWasFoundAndTracksIt() throws Exception {
        String email = "track-" + UUID.randomUUID() + "@example.org";
        String password = "Track-test-" + UUID.randomUUID();
        securityContexts.getContext()
            .setAuthentication(new UsernamePasswordAuthenticationToken("test", null,
                    AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            staff.create(email, "Track test organiser", password, Role.ORGANIZER);
        }
        finally {
            securityContexts.clearContext();
        }
        WebDriver browser = chromium();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90), HeadlessChrome.POLL);
            browser.get("http://localhost:" + port + "/admin/login");
            wait.until(d -> !d.findElements(By.cssSelector("vaadin-text-field[name='username'] > input")).isEmpty());
            browser.findElement(By.cssSelector("vaadin-text-field[name='username'] > input")).sendKeys(email);
            browser.findElement(By.cssSelector("vaadin-password-field[name='password'] > input")).sendKeys(password);
            browser.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
            wait.until(d -> !d.getCurrentUrl().contains("/login"));

            browser.get("http://localhost:" + port + "/admin/bills");
            wait.until(d -> !d.findElements(By.id("track-bill")).isEmpty()).booleanValue();
            browser.findElement(By.id("track-bill")).click();
            WebElement number = wait.until(
                    d -> d.findElements(By.cssSelector("#track-bill-number input")).stream().findFirst().orElse(null));
            number.sendKeys("S. 35");
            browser.findElement(By.id("track-bill-look-up")).click();
            wait.until(d -> d.getPageSource().contains("for example \"119 H.R. 4323\"")
                    || d.getPageSource().contains("for example &quot;119 H.R. 4323&quot;"));

            number.clear();
            number.sendKeys("117 S. 35");
            browser.findElement(By.id("track-bill-look-up")).click();
            wait.until(d -> d.findElement(By.tagName("vaadin-dialog"))
                .getText()
                .contains("Officer Eugene Goodman Congressional Gold Medal Act"));
            String found = browser.findElement(By.tagName("vaadin-dialog")).getText();
            assertThat(found).contains("Stage: Passed the Senate, since 12 Feb 2021", "Cosponsors: 72",
                    "Sponsor: Sen. Van Hollen, Chris [D-MD]", "Public law: none yet");
            assertThat(jdbc.queryForObject(
                    "select count(*) from bill where congress = 117 and bill_type = 'S' and number = 35",
                    Integer.class))
                .isZero();

            browser.findElement(By.id("track-bill-save")).click();
            wait.until(d -> d.getCurrentUrl().contains("/admin/bills/edit/"));
            wait.until(d -> d.findElement(By.id("bill-sync-status"))
                .getText()
                .startsWith("Last synced from the official record"));
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("Current stage: Passed the Senate");
            assertThat(jdbc.queryForObject("select count(*) from bill_cosponsor c join bill b on b.id = c.bill_id "
                    + "where b.congress = 117 and b.bill_type = 'S' and b.number = 35", Integer.class))
                .isEqualTo(72);
        }
        finally {
            browser.quit();
        }
    }

    @Test
    void anAdministratorRunsTheBillStatusSyncFromTheJobsViewAndWatchesItEnd() throws Exception {
        jdbc.update("insert into bill (congress, bill_type, number, short_title) values (117, 'S', 35, 'Tracked')");
        String email = "jobs-" + UUID.randomUUID() + "@example.org";
        String password = "Jobs-test-" + UUID.randomUUID();
        securityContexts.getContext()
            .setAuthentication(new UsernamePasswordAuthenticationToken("test", null,
                    AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            staff.create(email, "Jobs test admin", password, Role.ADMIN);
        }
        finally {
            securityContexts.clearContext();
        }
        WebDriver browser = chromium();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90), HeadlessChrome.POLL);
            browser.get("http://localhost:" + port + "/admin/login");
            wait.until(d -> !d.findElements(By.cssSelector("vaadin-text-field[name='username'] > input")).isEmpty());
            browser.findElement(By.cssSelector("vaadin-text-field[name='username'] > input")).sendKeys(email);
            browser.findElement(By.cssSelector("vaadin-password-field[name='password'] > input")).sendKeys(password);
            browser.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
            wait.until(d -> !d.getCurrentUrl().contains("/login"));

            browser.get("http://localhost:" + port + "/admin/jobs");
            WebElement start = wait.until(d -> d.findElements(By.tagName("vaadin-button"))
                .stream()
                .filter(b -> b.getText().equals("Run bill status sync"))
                .findFirst()
                .orElse(null));
            start.click();
            // The demo bill's file is not in the folder, so the run fails in plain words,
            // never "started" in green;
            // Details names the bill; S. 35 is updated.
            wait.until(d -> d.findElements(By.tagName("vaadin-grid-cell-content"))
                .stream()
                .map(WebElement::getText)
                .anyMatch(
                        text -> text.startsWith("Bill status sync could not read the official record of some bills.")));
            assertThat(browser.findElements(By.tagName("vaadin-notification-card")).stream().map(WebElement::getText))
                .noneMatch(text -> text.contains("started"));
            // The failure of this run is announced with its Details one click away.
            wait.until(d -> d.findElements(By.tagName("vaadin-notification-card"))
                .stream()
                .filter(card -> card.getText().startsWith("Bill status sync could not read"))
                .flatMap(card -> card.findElements(By.tagName("vaadin-button")).stream())
                .filter(b -> b.getText().equals("Details"))
                .findFirst()
                .orElse(null)).click();
            wait.until(d -> d.findElements(By.tagName("vaadin-dialog"))
                .stream()
                .map(WebElement::getText)
                .anyMatch(text -> text.contains("H.R. 4323 (119th): Cannot read") && text.contains(" updated, ")));
            assertThat(browser.findElements(By.tagName("vaadin-grid-cell-content")).stream().map(WebElement::getText))
                .anyMatch(text -> text.startsWith("Synced bills: completed, read ")
                        && text.contains("Reported unreadable bills: failed"));
            assertThat(jdbc.queryForObject(
                    "select stage from bill where congress = 117 and bill_type = 'S' and number = 35", String.class))
                .isEqualTo("PASSED_SENATE");
        }
        finally {
            browser.quit();
        }
    }

    private static WebDriver chromium() {
        return HeadlessChrome.startForConsole();
    }

}
