package org.advocacy.cwc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.advocacy.HeadlessChrome;
import org.advocacy.testsupport.cwc.CwcTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The letter journey with direct delivery, in Chromium without JavaScript: ZIP, details,
 * the letter with a home address, and the confirmation page, which shows each member's
 * delivery state until the app's own poller has delivered the two letters to the CWC test
 * servers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "advocacy.cwc.house.api-key=house-key", "advocacy.cwc.senate.api-key=senate-key",
                "advocacy.cwc.agent.name=Survivor Justice Network", "advocacy.cwc.agent.ack-email=acks@sjn.example",
                "advocacy.cwc.agent.contact-name=Dana Ortiz", "advocacy.cwc.agent.contact-email=dana@sjn.example",
                "advocacy.cwc.agent.contact-phone=802-555-0142", "advocacy.cwc.drain.poll-interval=PT0.5S",
                "advocacy.scheduling.enabled=true",
                // Its pollers are on for the CWC drain; the reminder poller stays idle so
                // that it
                // never sends another test's reminder.
                "advocacy.reminders.poll-interval=PT1H", "advocacy.site.minimum-fill-time=0s" })
class CwcLetterBrowserIntegrationTests {

    static final CwcTestServer HOUSE = CwcTestServer.start("house-key", 'H');
    static final CwcTestServer SENATE = CwcTestServer.start("senate-key", 'S');
    static WebDriver browser;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("advocacy.cwc.house.base-url", HOUSE::baseUrl);
        registry.add("advocacy.cwc.senate.base-url", SENATE::baseUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChrome.startInEnglish(false);
        browser.manage().window().setSize(new Dimension(360, 800));
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        HOUSE.close();
        SENATE.close();
    }

    @Test
    void aSupporterGivesTheirAddressAndSeesEachMembersDeliveryState() {
        String email = "browser-" + System.nanoTime() + "@example.org";
        browser.get("http://localhost:" + port + "/campaigns/tsra/legislators");
        browser.findElement(By.id("zip")).sendKeys("05401");
        browser.findElement(By.id("zip")).submit();
        browser.get(browser.findElement(By.linkText("Send a letter")).getAttribute("href"));

        browser.findElement(By.id("name")).sendKeys("Rosa Alvarez");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("zip")).clear();
        browser.findElement(By.id("zip")).sendKeys("05401");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        assertThat(browser.findElements(By.cssSelector("#cwc li")).stream().map(WebElement::getText).toList())
            .as(() -> browser.getCurrentUrl() + "\n" + browser.findElement(By.tagName("main")).getText())
            .containsExactly("Rep. Becca Balint", "Sen. Bernard Sanders");
        new Select(browser.findElement(By.id("cwcPrefix"))).selectByVisibleText("Ms.");
        browser.findElement(By.id("cwcFirstName")).sendKeys("Rosa");
        browser.findElement(By.id("cwcLastName")).sendKeys("Alvarez");
        browser.findElement(By.id("cwcAddress1")).sendKeys("12 Church Street");
        browser.findElement(By.id("cwcCity")).sendKeys("Burlington");
        assertThat(browser.findElement(By.id("cwcZip")).getAttribute("value")).isEqualTo("05401");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        assertThat(browser.getCurrentUrl()).contains("/campaigns/tsra/letter/ready/");
        assertThat(states()).hasSize(3)
            .last()
            .asString()
            .isEqualTo("This office does not accept direct delivery: finish on their website.");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(states()).containsExactly("Delivered to their office.", "Delivered to their office.",
                    "This office does not accept direct delivery: finish on their website.");
        });
        assertThat(HOUSE.accepted()).singleElement()
            .asString()
            .contains("<MemberOffice>HVT00</MemberOffice>")
            .contains("<Email>" + email + "</Email>");
        assertThat(SENATE.accepted()).singleElement().asString().contains("<MemberOffice>SVT01</MemberOffice>");
        assertThat(
                jdbc.queryForObject(
                        "select count(*) from cwc_delivery d join supporter s on s.id = d.supporter_id "
                                + "where s.email = ? and d.address1 is null and d.status = 'DELIVERED'",
                        Integer.class, email))
            .isEqualTo(2);
    }

    private static List<String> states() {
        return browser.findElements(By.cssSelector(".delivery-state")).stream().map(WebElement::getText).toList();
    }

}
