package org.advocacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A real headless Chromium opens the campaign page and logs into the console. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlatformBrowserIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        StaffAccounts.ensure(jdbc, passwordEncoder, StaffAccounts.ADMIN_EMAIL, StaffAccounts.ADMIN_PASSWORD, "ADMIN");
        browser = HeadlessChrome.start();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void aSupporterReadsTheCampaignPageWithTheHotlineAndQuickExit() {
        browser.get("http://localhost:" + port + "/campaigns/tsra");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Trafficking Survivors Relief Act");
        assertThat(browser.findElement(By.cssSelector(".hotline")).getText()).contains("1-888-373-7888")
            .contains("233733");
        assertThat(browser.findElement(By.cssSelector(".key-fact")).getText()).contains("90 percent")
            .contains("Polaris");
        WebElement quickExit = browser.findElement(By.id("quick-exit"));
        assertThat(quickExit.isDisplayed()).isTrue();
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    }

    @Test
    void anAdministratorLogsIntoTheConsoleAndSeesTheDashboard() {
        browser.get("http://localhost:" + port + "/admin");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60), HeadlessChrome.POLL);
        wait.until(ExpectedConditions.urlContains("/admin/login"));
        WebElement username = wait
            .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
        username.sendKeys(StaffAccounts.ADMIN_EMAIL);
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys(StaffAccounts.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("vaadin-button[slot='submit'], vaadin-login-form vaadin-button")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Dashboard"));
        assertThat(browser.getCurrentUrl()).doesNotContain("login");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Live campaigns");
    }

}
