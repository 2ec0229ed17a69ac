package org.advocacy.bills;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.advocacy.batch.JobRunner;
import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignDetails;
import org.advocacy.campaigns.CampaignService;
import org.advocacy.campaigns.CampaignTemplates;
import org.advocacy.campaigns.CampaignStatus;
import org.advocacy.campaigns.TargetMode;
import org.advocacy.campaigns.TemplateSet;
import org.advocacy.legislators.RosterJobs;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A campaign on H.R. 2471 (117th): its Bill Status file first ends at the House passage
 * (the real file's actions up to 2021-06-29, a real prefix of its history), then is the
 * full file where it became Public Law 117-103. One run of the job later, the public page
 * over real HTTP shows the "became law" call to action, and the audit trail and the
 * dashboard's change list record it.
 */
class BillStatusSyncToPublicSiteIntegrationTests extends BillStatusFolderIntegrationTest {

    @LocalServerPort
    int port;

    static final Path FILE = FOLDER.resolve("BILLSTATUS-117hr2471.xml");

    static final TemplateSet PASS_IT = new TemplateSet("Ask the Senate to pass the Haiti bill now.", "Pass it",
            "Dear {{legislator.title}} {{legislator.lastName}}, please pass it.", "Please pass it.", "Meet.");
    static final TemplateSet THANK_THEM = new TemplateSet("It is law: thank the backers of Public Law 117-103.",
            "It is law", "Dear {{legislator.title}} {{legislator.lastName}}, {{legislator.thanks}}",
            "{{legislator.thanks}}", "Meet about implementation.");

    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @Autowired
    BillService bills;

    @Autowired
    BillSyncService sync;

    @Autowired
    CampaignService campaigns;

    @Autowired
    CampaignTemplates templateSets;

    @Autowired
    JobRunner jobs;

    @Autowired
    JdbcTemplate jdbc;

    long billId;

    Campaign campaign;

    @BeforeEach
    void campaignOnTheBill() {
        removeBill();
        securityContexts.getContext()
            .setAuthentication(new UsernamePasswordAuthenticationToken("organiser@example.org", null,
                    AuthorityUtils.createAuthorityList("ROLE_ORGANIZER")));
        billId = bills.create(117, BillType.HR, 2471, "Haiti bill").getId();
        String slug = "haiti-" + ThreadLocalRandom.current().nextInt(10_000_000);
        campaign = campaigns
            .create(new CampaignDetails(slug, "Haiti " + slug, null, "<p>Explainer</p>", null, CampaignStatus.LIVE, 100,
                    true, true, true, true, true, TargetMode.ALL, Set.of(), Set.of(billId), List.of()));
        templateSets.put(campaign.getId(), BillStage.INTRODUCED, PASS_IT);
        templateSets.put(campaign.getId(), BillStage.ENACTED, THANK_THEM);
        sync.markChangesSeen();
        securityContexts.clearContext();
    }

    @AfterEach
    void removeBill() {
        jdbc.update(
                "delete from campaign_bill where bill_id in (select id from bill where congress = 117 and bill_type = 'HR' and number = 2471)");
        jdbc.update("delete from bill where congress = 117 and bill_type = 'HR' and number = 2471");
        securityContexts.clearContext();
    }

    @Test
    void aBillThatBecameLawSwitchesThePublicCallToActionAfterOneRun() throws Exception {
        Files.write(FILE, upToHousePassage(original()));
        jobs.runNow(RosterJobs.Name.BILL_STATUS_SYNC);
        assertThat(bills.find(billId).orElseThrow().getStage()).isEqualTo(BillStage.PASSED_HOUSE);
        assertThat(publicPage()).contains(PASS_IT.callToAction()).doesNotContain(THANK_THEM.callToAction());

        Files.write(FILE, original());
        jobs.runNow(RosterJobs.Name.BILL_STATUS_SYNC);

        assertThat(publicPage()).contains(THANK_THEM.callToAction()).doesNotContain(PASS_IT.callToAction());
        Bill bill = bills.find(billId).orElseThrow();
        assertThat(bill.getStage()).isEqualTo(BillStage.ENACTED);
        assertThat(bill.getPublicLaw()).isEqualTo("Public Law 117-103");
        assertThat(jdbc.queryForObject("""
                select after_state->>'source' from audit_event where action = 'bill.sync.stage' and entity_id = ?
                and after_state->>'stage' = 'ENACTED'""", String.class, Long.toString(billId)))
            .isEqualTo(FILE.toUri().toString());
        assertThat(jdbc.queryForObject("""
                select after_state->>'callToAction' from audit_event where action = 'campaign.stage' and entity_id = ?
                order by id desc limit 1""", String.class, Long.toString(campaign.getId())))
            .isEqualTo(THANK_THEM.callToAction());
        securityContexts.getContext()
            .setAuthentication(new UsernamePasswordAuthenticationToken("organiser@example.org", null,
                    AuthorityUtils.createAuthorityList("ROLE_ORGANIZER")));
        assertThat(sync.unseenChanges()).filteredOn(c -> c.billId() == billId)
            .extracting(BillSyncService.StageChange::to, BillSyncService.StageChange::occurredOn)
            .contains(Tuple.tuple(BillStage.ENACTED, LocalDate.of(2022, 3, 15)),
                    Tuple.tuple(BillStage.PASSED_HOUSE, LocalDate.of(2021, 6, 29)));
        sync.markChangesSeen();
        assertThat(sync.unseenChanges()).noneMatch(c -> c.billId() == billId);
    }

    static byte[] original() throws IOException {
        try (InputStream in = BillStatusSyncToPublicSiteIntegrationTests.class
            .getResourceAsStream("/billstatus/BILLSTATUS-117hr2471.xml")) {
            return in.readAllBytes();
        }
    }

    /**
     * The real file with only the actions (and summaries) up to the House passage, and no
     * law yet.
     */
    static byte[] upToHousePassage(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        Element bill = (Element) document.getDocumentElement().getElementsByTagName("bill").item(0);
        LocalDate housePassage = LocalDate.of(2021, 6, 29);
        for (String list : new String[] { "actions", "summaries" }) {
            Element container = direct(bill, list);
            NodeList items = container.getChildNodes();
            for (int i = items.getLength() - 1; i >= 0; i--) {
                if (items.item(i) instanceof Element item && direct(item, "actionDate") != null
                        && LocalDate.parse(direct(item, "actionDate").getTextContent().strip()).isAfter(housePassage)) {
                    container.removeChild(item);
                }
            }
        }
        bill.removeChild(direct(bill, "laws"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransformerFactory transformers = TransformerFactory.newInstance();
        transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        transformers.newTransformer().transform(new DOMSource(document), new StreamResult(out));
        return out.toByteArray();
    }

    private static Element direct(Element parent, String name) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private String publicPage() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/campaigns/" + campaign.getSlug()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

}
