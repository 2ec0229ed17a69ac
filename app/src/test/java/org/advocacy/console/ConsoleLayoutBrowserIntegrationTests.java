package org.advocacy.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.advocacy.HeadlessChrome;
import org.advocacy.StaffAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The console fits the screens staff use: at 1,400 and 1,280 px the staff grid shows
 * every column without scrolling sideways, and an error notification sits at the top
 * right, clear of the dialog being corrected. Screenshots are kept under
 * {@code target/screenshots} for a person to look at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleLayoutBrowserIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    ChromeDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = { 1400, 1280 })
    void theStaffGridFitsAndErrorsDoNotCoverTheForm(int width) throws Exception {
        StaffAccounts.ensure(jdbc, encoder, StaffAccounts.ADMIN_EMAIL, StaffAccounts.ADMIN_PASSWORD, "ADMIN");
        jdbc.update("delete from staff_user where email like 'aaa-maria.fernanda.%'");
        jdbc.update("insert into staff_user (email, display_name, password_hash, role, last_login_at, time_zone) "
                + "values (?, 'Maria Fernanda Gutiérrez-Santos', 'x', 'ORGANIZER', now(), 'America/Los_Angeles')",
                "aaa-maria.fernanda.gutierrez-santos." + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
        browser = chromium(width);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90), HeadlessChrome.POLL);
        browser.get("http://localhost:" + port + "/admin/login");
        wait.until(d -> !d.findElements(By.cssSelector("vaadin-text-field[name='username'] > input")).isEmpty());
        browser.findElement(By.cssSelector("vaadin-text-field[name='username'] > input"))
            .sendKeys(StaffAccounts.ADMIN_EMAIL);
        browser.findElement(By.cssSelector("vaadin-password-field[name='password'] > input"))
            .sendKeys(StaffAccounts.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));

        browser.get("http://localhost:" + port + "/admin/staff");
        wait.until(d -> d.findElements(By.tagName("vaadin-grid-cell-content"))
            .stream()
            .anyMatch(cell -> cell.getText().startsWith("Maria Fernanda")));
        wait.until(d -> !d.findElements(By.tagName("vaadin-button")).isEmpty());
        screenshot("staff-" + width);
        @SuppressWarnings("unchecked")
        Map<String, Object> table = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("""
                const table = document.querySelector('vaadin-grid').shadowRoot.querySelector('#table');
                return {scroll: table.scrollWidth, client: table.clientWidth};""");
        assertThat(((Number) table.get("scroll")).intValue()).as("staff grid width at %d px", width)
            .isLessThanOrEqualTo(((Number) table.get("client")).intValue());

        button("New staff user").click();
        wait.until(d -> !d.findElements(By.tagName("vaadin-dialog")).isEmpty());
        WebElement create = wait.until(d -> d.findElements(By.tagName("vaadin-button"))
            .stream()
            .filter(b -> b.getText().equals("Create"))
            .findFirst()
            .orElse(null));
        create.click();
        WebElement card = wait.until(d -> d.findElements(By.tagName("vaadin-notification-card"))
            .stream()
            .filter(c -> c.getText().contains("Correct the highlighted fields."))
            .findFirst()
            .orElse(null));
        screenshot("staff-error-" + width);
        List<Number> overlap = rectangles(card);
        assertThat(overlap.get(0).doubleValue()).as("notification top").isLessThan(120);
        assertThat(overlap.get(1).doubleValue()).as("notification right edge").isGreaterThan(width - 80);
        assertThat(overlap.get(2).doubleValue()).as("notification overlaps the dialog's fields").isZero();
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = { 1400, 1280 })
    void theStageHelpHasRoomAndTheSendTimeNamesItsZone(int width) throws Exception {
        StaffAccounts.ensure(jdbc, encoder, StaffAccounts.ADMIN_EMAIL, StaffAccounts.ADMIN_PASSWORD, "ADMIN");
        long bill = jdbc
            .queryForObject("insert into bill (congress, bill_type, number, short_title) values (118, 'HR', "
                    + "(select coalesce(max(number), 0) + 1 from bill where congress = 118), 'Layout test bill') returning id",
                    Long.class);
        browser = chromium(width);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90), HeadlessChrome.POLL);
        logIn(wait);
        browser.get("http://localhost:" + port + "/admin/bills/edit/" + bill);
        wait.until(d -> d.findElements(By.tagName("vaadin-tab"))
            .stream()
            .anyMatch(t -> t.getText().equals("Status history")));
        browser.findElements(By.tagName("vaadin-tab"))
            .stream()
            .filter(t -> t.getText().equals("Status history"))
            .findFirst()
            .orElseThrow()
            .click();
        WebElement stage = wait.until(d -> d.findElements(By.tagName("vaadin-select"))
            .stream()
            .filter(select -> select.getText().contains("The stage the bill reached") && select.isDisplayed())
            .findFirst()
            .orElse(null));
        screenshot("bill-history-" + width);
        assertThat(stage.getRect().getWidth()).as("stage field width").isGreaterThanOrEqualTo(250);

        browser.get("http://localhost:" + port + "/admin/reminders/compose");
        WebElement sendAt = wait
            .until(d -> d.findElements(By.tagName("vaadin-date-time-picker")).stream().findFirst().orElse(null));
        screenshot("reminder-compose-" + width);
        assertThat(sendAt.getText()).contains("Send at (New York time (America/New_York))");
    }

    private void logIn(WebDriverWait wait) {
        browser.get("http://localhost:" + port + "/admin/login");
        wait.until(d -> !d.findElements(By.cssSelector("vaadin-text-field[name='username'] > input")).isEmpty());
        browser.findElement(By.cssSelector("vaadin-text-field[name='username'] > input"))
            .sendKeys(StaffAccounts.ADMIN_EMAIL);
        browser.findElement(By.cssSelector("vaadin-password-field[name='password'] > input"))
            .sendKeys(StaffAccounts.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Top and right of the card, and how many dialog fields it overlaps. */
    @SuppressWarnings("unchecked")
    private List<Number> rectangles(WebElement card) {
        return (List<Number>) ((JavascriptExecutor) browser).executeScript(
                """
                        const c = arguments[0].getBoundingClientRect();
                        const fields = [...document.querySelectorAll('vaadin-dialog vaadin-email-field, '
                            + 'vaadin-dialog vaadin-text-field, vaadin-dialog vaadin-password-field')];
                        const hits = fields.filter(f => { const r = f.getBoundingClientRect();
                            return r.width > 0 && r.left < c.right && r.right > c.left && r.top < c.bottom && r.bottom > c.top; });
                        return [c.top, c.right, hits.length];""",
                card);
    }

    private WebElement button(String text) {
        return browser.findElements(By.tagName("vaadin-button"))
            .stream()
            .filter(b -> b.getText().equals(text))
            .findFirst()
            .orElseThrow();
    }

    private void screenshot(String name) throws Exception {
        Path folder = Path.of("target", "screenshots");
        Files.createDirectories(folder);
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), folder.resolve("console-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static ChromeDriver chromium(int width) throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(HeadlessChrome.ARGUMENTS);
        options.addArguments("--user-data-dir=" + Files.createTempDirectory("chromium-layout"),
                "--window-size=" + width + ",900");
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, 900));
        return driver;
    }

}
