package org.advocacy.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.advocacy.bills.Bill;
import org.advocacy.bills.BillDetails;
import org.advocacy.bills.BillService;
import org.advocacy.bills.BillType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Every link staff enter is an http or https address, checked by the services whatever
 * the screen: a {@code javascript:} key-fact source was accepted and only the public
 * site's CSP stopped it.
 */
@SpringBootTest
@WithMockUser(username = "organizer@example.org", roles = "ORGANIZER")
class StaffLinkValidationIntegrationTests {

    static final List<String> NOT_WEB_LINKS = List.of("javascript:alert(document.cookie)", "JavaScript:alert(1)",
            " javascript:alert(1)", "java\tscript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)",
            "//evil.example/x", "https://", "http:///path", "ftp://example.org/file", "mailto:someone@example.org",
            "https://exa mple.org/", "https://example.org/\u202Egnp.exe");

    @Autowired
    CampaignService campaigns;

    @Autowired
    CampaignToolkit toolkit;

    @Autowired
    BillService bills;

    @Test
    void aKeyFactSourceLinkThatIsNotAWebLinkIsRefusedAndNothingIsSaved() {
        Campaign campaign = draft();
        for (String link : NOT_WEB_LINKS) {
            CampaignDetails details = withFacts(CampaignDetails.of(campaign),
                    List.of(new KeyFact("A safe fact", "Census", "https://www.census.gov/", null),
                            new KeyFact("1 in 4 survivors", "A report", link, null)));
            assertThatThrownBy(() -> campaigns.update(campaign.getId(), campaign.getVersion(), details)).as(link)
                .isInstanceOf(CampaignService.InvalidCampaignException.class)
                .hasMessageContaining("source link of key fact 2")
                .hasMessageContaining("http:// or https://");
        }
        assertThat(campaigns.find(campaign.getId()).orElseThrow().getKeyFacts()).extracting(KeyFact::sourceUrl)
            .containsExactly((String) null);
    }

    @Test
    void webLinksAreAcceptedInEveryStaffLinkField() {
        Campaign campaign = draft();
        campaigns.update(campaign.getId(), campaign.getVersion(), withFacts(CampaignDetails.of(campaign),
                List.of(new KeyFact("A fact", "Census", "HTTPS://www.census.gov/data?x=1#y", null))));
        assertThat(campaigns.find(campaign.getId()).orElseThrow().getKeyFacts()).extracting(KeyFact::sourceUrl)
            .containsExactly("HTTPS://www.census.gov/data?x=1#y");
        assertThat(toolkit.add(campaign.getId(), ToolkitKind.LINK, "Guide", "How to", null, "http://example.org/guide")
            .getUrl()).isEqualTo("http://example.org/guide");
        Bill bill = bill();
        assertThat(
                bills.update(bill.getId(), withUrl(bill, "https://www.congress.gov/bill/119th-congress/house-bill/1"))
                    .getCongressGovUrl())
            .isEqualTo("https://www.congress.gov/bill/119th-congress/house-bill/1");
    }

    @Test
    void aToolkitLinkThatIsNotAWebLinkIsRefused() {
        Campaign campaign = draft();
        ToolkitResource resource = toolkit.add(campaign.getId(), ToolkitKind.LINK, "Guide", "How to", null,
                "https://example.org/guide");
        for (String link : NOT_WEB_LINKS) {
            assertThatThrownBy(() -> toolkit.add(campaign.getId(), ToolkitKind.LINK, "Bad", "Bad", null, link)).as(link)
                .hasMessageContaining("http:// or https://");
            assertThatThrownBy(() -> toolkit.update(resource.getId(), ToolkitKind.LINK, "Bad", "Bad", null, link))
                .as(link)
                .hasMessageContaining("http:// or https://");
        }
        assertThat(toolkit.resources(campaign)).extracting(ToolkitResource::getUrl)
            .containsExactly("https://example.org/guide");
    }

    @Test
    void aBillLinkThatIsNotAWebLinkIsRefused() {
        Bill bill = bill();
        for (String link : NOT_WEB_LINKS) {
            assertThatThrownBy(() -> bills.update(bill.getId(), withUrl(bill, link))).as(link)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Congress.gov link")
                .hasMessageContaining("http:// or https://");
        }
        assertThat(bills.find(bill.getId()).orElseThrow().getCongressGovUrl()).isNull();
    }

    private Bill bill() {
        return bills.create(119, BillType.HR, ThreadLocalRandom.current().nextInt(10_000, 99_999), "A linked bill");
    }

    private static BillDetails withUrl(Bill bill, String url) {
        BillDetails d = BillDetails.of(bill);
        return new BillDetails(d.congress(), d.type(), d.number(), d.shortTitle(), d.officialTitle(), d.summary(), url,
                d.publicLaw());
    }

    private Campaign draft() {
        String slug = "links-" + ThreadLocalRandom.current().nextInt(10_000_000);
        return campaigns.create(new CampaignDetails(slug, "Links " + slug, null, "<p>Explainer</p>", null,
                CampaignStatus.DRAFT, null, true, false, false, true, false, TargetMode.ALL, Set.of(), Set.of(),
                List.of(new KeyFact("A fact", "A source", null, null))));
    }

    private static CampaignDetails withFacts(CampaignDetails d, List<KeyFact> facts) {
        return new CampaignDetails(d.slug(), d.title(), d.tagline(), d.explainerHtml(), d.whyItMattersHtml(),
                d.status(), d.goal(), d.letterEnabled(), d.callEnabled(), d.meetingEnabled(), d.targetHouse(),
                d.targetSenate(), d.targetMode(), d.specificTargets(), d.billIds(), facts);
    }

}
