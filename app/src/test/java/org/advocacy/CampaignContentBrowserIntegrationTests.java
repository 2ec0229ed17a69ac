package org.advocacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.advocacy.bills.Bill;
import org.advocacy.bills.BillService;
import org.advocacy.bills.BillStage;
import org.advocacy.bills.BillType;
import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignDetails;
import org.advocacy.campaigns.CampaignSections;
import org.advocacy.campaigns.CampaignService;
import org.advocacy.campaigns.CampaignTemplates;
import org.advocacy.campaigns.CampaignStatus;
import org.advocacy.campaigns.TargetMode;
import org.advocacy.campaigns.TemplateSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Campaign content in headless Chromium: a second campaign shows its own section headings
 * in English and Spanish and none of the demo campaign's; the ask and the ZIP form are on
 * the first screen of a 360 px phone; the console refuses a template with an unknown
 * placeholder.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CampaignContentBrowserIntegrationTests {

    static final List<String> TSRA_HEADINGS = List.of("Why criminal record relief matters", "Survivor stories",
            "Por qué importa borrar los antecedentes penales", "Historias de sobrevivientes");

    @LocalServerPort
    int port;

    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @Autowired
    BillService bills;

    @Autowired
    CampaignService campaigns;

    @Autowired
    CampaignTemplates templateSets;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    ChromeDriver browser;

    Bill bill;

    @BeforeEach
    void organizer() {
        securityContexts.getContext()
            .setAuthentication(new UsernamePasswordAuthenticationToken("setup@example.org", null,
                    AuthorityUtils.createAuthorityList("ROLE_ORGANIZER")));
    }

    @AfterEach
    void quit() {
        securityContexts.clearContext();
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aSecondCampaignShowsItsOwnHeadingsInEnglishAndSpanishNoDemoHeadingsAndNoStoriesAndEditsShowAtOnce() {
        Campaign campaign = liveCampaign(new CampaignSections("Why S. 1234 matters to farmers",
                "Por qué S. 1234 importa a los agricultores", false, null, null));
        browser = HeadlessChrome.start(false);

        browser.get(base() + "/campaigns/" + campaign.getSlug() + "?lang=en");
        assertThat(headings()).contains("Why S. 1234 matters to farmers", "What we are asking", "Take action now")
            .doesNotContainAnyElementsOf(TSRA_HEADINGS)
            .doesNotContain("Stories");
        assertThat(browser.findElements(By.cssSelector("section.stories"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector(".call-to-action p")).getText())
            .as("placeholders in the ask are filled, never shown raw")
            .isEqualTo("Ask your senators to pass " + bill.getDesignation() + ".");

        browser.get(base() + "/campaigns/" + campaign.getSlug() + "?lang=es");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
        assertThat(headings()).contains("Por qué S. 1234 importa a los agricultores", "Lo que pedimos", "Actúe ahora")
            .doesNotContainAnyElementsOf(TSRA_HEADINGS)
            .doesNotContain("Historias");
        assertThat(browser.findElements(By.cssSelector("section.stories"))).isEmpty();

        Campaign current = campaigns.find(campaign.getId()).orElseThrow();
        campaigns.update(current.getId(), current.getVersion(), CampaignDetails.of(current),
                new CampaignSections(null, null, true, "Farmers' voices", "Voces de agricultores"));

        browser.get(base() + "/campaigns/" + campaign.getSlug() + "?lang=es");
        assertThat(headings()).contains("Por qué es importante", "Voces de agricultores")
            .doesNotContain("Por qué S. 1234 importa a los agricultores");
        browser.get(base() + "/campaigns/" + campaign.getSlug() + "?lang=en");
        assertThat(headings()).contains("Why it matters", "Farmers' voices").doesNotContainAnyElementsOf(TSRA_HEADINGS);
    }

    @Test
    void theDemoCampaignKeepsItsHeadingsInBothLanguages() {
        browser = HeadlessChrome.start(false);
        browser.get(base() + "/campaigns/tsra?lang=en");
        assertThat(headings()).contains("Why criminal record relief matters", "Survivor stories");
        browser.get(base() + "/campaigns/tsra?lang=es");
        assertThat(headings()).contains("Por qué importa borrar los antecedentes penales",
                "Historias de sobrevivientes");
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "es" })
    void onA360PixelPhoneTheZipFormIsOnTheFirstScreenAndThePageHasNoAxeViolations(String language) throws Exception {
        browser = HeadlessChrome.start();
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 740, "deviceScaleFactor", 1, "mobile", true));
        browser.get(base() + "/campaigns/tsra?lang=" + language);
        JavascriptExecutor js = browser;
        assertThat(((Number) js.executeScript("return window.innerWidth")).intValue()).isEqualTo(360);
        assertThat(((Number) js.executeScript("return window.innerHeight")).intValue()).isEqualTo(740);

        WebElement zip = browser.findElement(By.cssSelector("main input[name=zip]"));
        double top = ((Number) js.executeScript("return arguments[0].getBoundingClientRect().top", zip)).doubleValue();
        double bottom = ((Number) js.executeScript("return arguments[0].getBoundingClientRect().bottom", zip))
            .doubleValue();
        Path shot = Path.of("target", "screenshots", "campaign-360-" + language + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
        assertThat(top).as("ZIP input top at 360x740 (screenshot %s)", shot.toAbsolutePath()).isLessThan(740);
        assertThat(bottom).as("the whole ZIP input is on the first screen").isLessThanOrEqualTo(740);
        // The full "How to help" stays further down, with its own form and the three
        // actions.
        assertThat(browser.findElements(By.cssSelector("#how-to-help form.zip-form"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#how-to-help ul.actions > li"))).hasSize(3);
        BrowserJourneyIntegrationTests.assertNoAxeViolations(browser);
    }

    @Test
    void theConsoleRefusesATemplateWithAnUnknownPlaceholderAndListsTheValidOnes() {
        Campaign campaign = liveCampaign(CampaignSections.GENERAL);
        String email = "content-" + UUID.randomUUID() + "@example.org";
        String password = "content test passphrase 7";
        jdbc.update(
                "insert into staff_user (email, display_name, password_hash, role) values (?, 'Content', ?, 'ORGANIZER')",
                email, encoder.encode(password));
        browser = HeadlessChrome.start();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60), HeadlessChrome.POLL);
        browser.get(base() + "/admin/login");
        wait.until(d -> d.findElement(By.cssSelector("input[name='username']"))).sendKeys(email);
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys(password, Keys.ENTER);
        wait.until(d -> !d.getCurrentUrl().contains("/login"));

        browser.get(base() + "/admin/campaigns/edit/" + campaign.getId());
        wait.until(d -> d.findElements(By.cssSelector("vaadin-tab"))
            .stream()
            .filter(tab -> tab.getText().equals("Templates"))
            .findFirst()
            .orElse(null)).click();
        WebElement script = wait.until(d -> d.findElement(By.cssSelector("#template-call-script textarea")));
        script.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Hello {{unknown.placeholder}}", Keys.TAB);
        WebElement save = browser.findElement(By.id("templates-save"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", save);

        WebElement notice = wait.until(d -> d.findElements(By.cssSelector("vaadin-notification-card"))
            .stream()
            .filter(card -> card.getText().startsWith("Unknown placeholder"))
            .findFirst()
            .orElse(null));
        assertThat(notice.getText()).contains("the call script uses {{unknown.placeholder}}")
            .contains("Use only these placeholders: {{legislator.title}}")
            .contains("{{supporter.place}}")
            .contains("Nothing was saved.");
        assertThat(browser.findElement(By.id("template-call-script")).getAttribute("invalid")).isNotNull();
        assertThat(campaigns.find(campaign.getId()).orElseThrow().getTemplateSets().get(BillStage.INTRODUCED))
            .isEqualTo(PASS_IT);
    }

    static final TemplateSet PASS_IT = new TemplateSet("Ask your senators to pass {{bill.number}}.", "Pass S. 1234",
            "Dear {{legislator.title}} {{legislator.lastName}}, please cosponsor.", "Please cosponsor.", "Meet.");

    private Campaign liveCampaign(CampaignSections sections) {
        bill = bills.create(119, BillType.S, ThreadLocalRandom.current().nextInt(10_000, 99_999), "Example Act");
        bills.recordStatus(bill.getId(), LocalDate.of(2025, 7, 10), null, "Introduced", BillStage.INTRODUCED);
        String slug = "example-act-" + ThreadLocalRandom.current().nextInt(10_000_000);
        Campaign campaign = campaigns.create(new CampaignDetails(slug, "S. 1234 Example Act", null,
                "<p>What S. 1234 does.</p>", "<p>Why it matters to farmers.</p>", CampaignStatus.LIVE, 100, true, true,
                true, true, true, TargetMode.ALL, Set.of(), Set.of(bill.getId()), List.of()), sections);
        templateSets.put(campaign.getId(), BillStage.INTRODUCED, PASS_IT);
        return campaign;
    }

    private List<String> headings() {
        return browser.findElements(By.cssSelector("main h2")).stream().map(WebElement::getText).toList();
    }

    private String base() {
        return "http://localhost:" + port;
    }

}
