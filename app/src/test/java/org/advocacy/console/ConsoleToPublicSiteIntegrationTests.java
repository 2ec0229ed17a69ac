package org.advocacy.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.advocacy.HeadlessChrome;
import org.advocacy.bills.Bill;
import org.advocacy.bills.BillService;
import org.advocacy.bills.BillStage;
import org.advocacy.bills.BillType;
import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignDetails;
import org.advocacy.campaigns.CampaignService;
import org.advocacy.campaigns.CampaignTemplates;
import org.advocacy.campaigns.CampaignStatus;
import org.advocacy.campaigns.TargetMode;
import org.advocacy.campaigns.TemplateSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
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
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The console and the public site together, over real HTTP: a stage change on a bill
 * switches the public call to action, and an edit made in the console (in headless
 * Chromium) shows on the public campaign page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleToPublicSiteIntegrationTests {

    static final TemplateSet PASS_IT = new TemplateSet("Ask your members to pass the relief bill.", "Pass it",
            "Dear {{legislator.title}} {{legislator.lastName}}, please cosponsor.", "Please cosponsor.", "Meet.");
    static final TemplateSet IMPLEMENT_IT = new TemplateSet("Thank the backers and ask for strong implementation.",
            "It is law", "Dear {{legislator.title}} {{legislator.lastName}}, {{legislator.thanks}}",
            "{{legislator.thanks}}", "Meet about implementation.");

    @LocalServerPort
    int port;

    /**
     * This context's strategy: each cached test context installs its own, so the static
     * holder may belong to another.
     */
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

    Bill bill;

    Campaign campaign;

    @BeforeEach
    void liveCampaign() {
        securityContexts.getContext()
            .setAuthentication(new UsernamePasswordAuthenticationToken("setup@example.org", null,
                    AuthorityUtils.createAuthorityList("ROLE_ORGANIZER")));
        bill = bills.create(119, BillType.HR, ThreadLocalRandom.current().nextInt(10_000, 99_999), "Relief test act");
        bills.recordStatus(bill.getId(), LocalDate.of(2025, 7, 10), null, "Introduced", BillStage.INTRODUCED);
        String slug = "public-" + ThreadLocalRandom.current().nextInt(10_000_000);
        campaign = campaigns
            .create(new CampaignDetails(slug, "Public " + slug, null, "<p>Explainer</p>", null, CampaignStatus.LIVE,
                    100, true, true, true, true, true, TargetMode.ALL, Set.of(), Set.of(bill.getId()), List.of()));
        templateSets.put(campaign.getId(), BillStage.INTRODUCED, PASS_IT);
        templateSets.put(campaign.getId(), BillStage.ENACTED, IMPLEMENT_IT);
    }

    @AfterEach
    void clear() {
        securityContexts.clearContext();
    }

    @Test
    void recordingEnactedOnTheBillSwitchesThePublicCallToAction() throws Exception {
        assertThat(publicPage()).contains(PASS_IT.callToAction()).doesNotContain(IMPLEMENT_IT.callToAction());

        bills.recordStatus(bill.getId(), LocalDate.of(2026, 1, 23), null, "Signed into law", BillStage.ENACTED);

        assertThat(publicPage()).contains(IMPLEMENT_IT.callToAction()).doesNotContain(PASS_IT.callToAction());
    }

    @Test
    void aStaffMemberLogsInEditsTheCampaignInTheConsoleAndThePublicPageChanges() throws Exception {
        String email = "browser-" + UUID.randomUUID() + "@example.org";
        String password = "browser test passphrase 9";
        jdbc.update(
                "insert into staff_user (email, display_name, password_hash, role) values (?, 'Browser', ?, 'ORGANIZER')",
                email, encoder.encode(password));
        String newTitle = "Edited in Chromium " + ThreadLocalRandom.current().nextInt(1_000_000);

        WebDriver browser = chromium();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60), HeadlessChrome.POLL);
            browser.get(base() + "/admin/login");
            WebElement user = wait.until(d -> d.findElement(By.cssSelector("input[name='username']")));
            user.sendKeys(email);
            browser.findElement(By.cssSelector("input[name='password']")).sendKeys(password);
            browser.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();
            wait.until(d -> !d.getCurrentUrl().contains("/login"));

            browser.get(base() + "/admin/campaigns/edit/" + campaign.getId());
            WebElement title = wait.until(d -> d.findElement(By.cssSelector("#campaign-title input")));
            title.clear();
            title.sendKeys(newTitle, Keys.TAB);
            WebElement save = browser.findElement(By.id("campaign-save"));
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", save);
            wait.until(d -> save.isDisplayed());
            ((JavascriptExecutor) browser).executeScript("arguments[0].click();", save);
            wait.until(d -> campaigns.find(campaign.getId()).orElseThrow().getTitle().equals(newTitle));

            browser.get(base() + "/campaigns/" + campaign.getSlug());
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(newTitle);
        }
        finally {
            browser.quit();
        }
    }

    private String publicPage() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(base() + "/campaigns/" + campaign.getSlug())).build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static WebDriver chromium() {
        return HeadlessChrome.startForConsole();
    }

}
