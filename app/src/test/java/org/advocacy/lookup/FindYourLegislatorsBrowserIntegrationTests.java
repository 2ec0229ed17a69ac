package org.advocacy.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.advocacy.HeadlessChrome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The split-ZIP flow of "find your legislators" in Chromium with JavaScript turned off:
 * ZIP, then the district chosen from the candidates (shown with their members), then the
 * answer with the campaign's action links.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FindYourLegislatorsBrowserIntegrationTests {

    static WebDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChrome.startInEnglish(false);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aSupporterInASplitZipPicksTheirDistrictWithoutJavaScriptAndGetsTheirMembersAndActions() {
        browser.get("http://localhost:" + port + "/campaigns/tsra/legislators");
        assertThat(browser.findElement(By.cssSelector("html")).getAttribute("lang")).isEqualTo("en");

        browser.findElement(By.id("zip")).sendKeys("10001");
        browser.findElement(By.id("zip")).submit();

        assertThat(browser.findElement(By.tagName("h2")).getText())
            .isEqualTo("ZIP code 10001 is in more than one congressional district");
        List<String> choices = browser.findElements(By.cssSelector("fieldset#district label"))
            .stream()
            .map(WebElement::getText)
            .toList();
        assertThat(choices).containsExactly("NY-10: Daniel S. Goldman (D)", "NY-12: Jerrold Nadler (D)");

        browser.findElement(By.cssSelector("label[for=district-1]")).click();
        browser.findElement(By.cssSelector("fieldset#district")).submit();

        assertThat(browser.getCurrentUrl()).contains("zip=10001").contains("district=NY-12");
        assertThat(
                browser.findElements(By.cssSelector(".legislators li h3")).stream().map(WebElement::getText).toList())
            .hasSize(3)
            .first()
            .isEqualTo("Representative Jerrold Nadler");
        assertThat(browser.findElement(By.linkText("Send a letter")).getAttribute("href"))
            .endsWith("/campaigns/tsra/letter?zip=10001&district=NY-12");
    }

}
