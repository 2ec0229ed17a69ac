package org.advocacy.bills;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.persistence.EntityManager;

import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignDetails;
import org.advocacy.campaigns.CampaignService;
import org.advocacy.campaigns.CampaignTemplates;
import org.advocacy.campaigns.CampaignStatus;
import org.advocacy.campaigns.SampleSupporter;
import org.advocacy.campaigns.TargetMode;
import org.advocacy.campaigns.TemplateSet;
import org.advocacy.legislators.LegislatorService;
import org.advocacy.testsupport.ConsoleTestData;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@WithMockUser(username = "organizer@example.org", roles = "ORGANIZER")
class BillLifecycleIntegrationTests {

    static final TemplateSet PASS_IT = new TemplateSet("Ask them to pass {{bill.number}}", "Pass {{bill.number}}",
            "Dear {{legislator.title}} {{legislator.lastName}}, please cosponsor.", "Please cosponsor.",
            "Meet to pass it.");
    static final TemplateSet IMPLEMENT_IT = new TemplateSet("Thank backers, ask for implementation",
            "{{bill.number}} is law", "Dear {{legislator.title}} {{legislator.lastName}}, {{legislator.thanks}}",
            "{{legislator.thanks}}", "Meet about implementation.");

    @Autowired
    BillService bills;

    @Autowired
    CampaignService campaigns;

    @Autowired
    CampaignTemplates templateSets;

    @Autowired
    LegislatorService legislators;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    EntityManager entityManager;

    ConsoleTestData data;

    @BeforeEach
    void roster() {
        data = new ConsoleTestData(jdbc, transaction, entityManager);
        data.insertLegislators();
    }

    @Test
    void recordingEnactedSwitchesALiveCampaignToItsEnactedCallToActionWithoutEditingTheCampaign() {
        Bill bill = newBill();
        bills.recordStatus(bill.getId(), LocalDate.of(2025, 3, 1), null, "Introduced", BillStage.INTRODUCED);
        Campaign campaign = liveCampaign(bill.getId());
        long versionBefore = campaigns.find(campaign.getId()).orElseThrow().getVersion();
        assertThat(campaigns.currentTemplates(campaigns.find(campaign.getId()).orElseThrow())).contains(PASS_IT);

        bills.recordStatus(bill.getId(), LocalDate.of(2026, 1, 23), null, "Signed into law", BillStage.ENACTED);

        Campaign reloaded = campaigns.find(campaign.getId()).orElseThrow();
        assertThat(campaigns.currentStage(reloaded)).isEqualTo(BillStage.ENACTED);
        assertThat(campaigns.currentTemplates(reloaded)).contains(IMPLEMENT_IT);
        assertThat(reloaded.getVersion()).isEqualTo(versionBefore);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'bill.status.add' "
                + "and entity_id = ? and after_state->>'stage' = 'ENACTED' and before_state->>'stage' = 'INTRODUCED'",
                Integer.class, bill.getId().toString()))
            .isEqualTo(1);
    }

    @Test
    void removingTheEnactedEntrySwitchesTheCampaignBack() {
        Bill bill = newBill();
        bills.recordStatus(bill.getId(), LocalDate.of(2025, 3, 1), null, "Introduced", BillStage.INTRODUCED);
        Bill enacted = bills.recordStatus(bill.getId(), LocalDate.of(2026, 1, 23), null, "Signed", BillStage.ENACTED);
        Campaign campaign = liveCampaign(bill.getId());
        long enactedEntry = enacted.getStatusHistory().getLast().getId();

        bills.removeStatus(bill.getId(), enactedEntry);

        assertThat(campaigns.currentTemplates(campaigns.find(campaign.getId()).orElseThrow())).contains(PASS_IT);
    }

    @Test
    void afterEnactmentTheTemplateThanksBackersAndAsksOthersToBackImplementation() {
        Bill bill = newBill();
        bills.changeBackers(bill.getId(), ConsoleTestData.ADERHOLT, Set.of());
        bills.setStance(bill.getId(), ConsoleTestData.CANTWELL, Stance.COSPONSOR);
        bills.recordStatus(bill.getId(), LocalDate.of(2026, 1, 23), null, "Signed", BillStage.ENACTED);
        Campaign campaign = campaigns.find(liveCampaign(bill.getId()).getId()).orElseThrow();
        TemplateSet current = campaigns.currentTemplates(campaign).orElseThrow();

        String toSponsor = templateSets
            .preview(campaign, current, legislators.find(ConsoleTestData.ADERHOLT).orElseThrow(),
                    SampleSupporter.EXAMPLE)
            .letterTemplate();
        String toStanceCosponsor = templateSets
            .preview(campaign, current, legislators.find(ConsoleTestData.CANTWELL).orElseThrow(),
                    SampleSupporter.EXAMPLE)
            .letterTemplate();
        String toOther = templateSets
            .preview(campaign, current, legislators.find(ConsoleTestData.BILIRAKIS).orElseThrow(),
                    SampleSupporter.EXAMPLE)
            .letterTemplate();

        assertThat(toSponsor).startsWith("Dear Rep. Aderholt,")
            .contains("Thank you for backing " + bill.getDesignation());
        assertThat(toStanceCosponsor).startsWith("Dear Sen. Cantwell,").contains("Thank you for backing");
        assertThat(toOther).contains("support its strong implementation").doesNotContain("Thank you");
        assertThat(bills.backers(List.of(bill.getId()))).containsExactlyInAnyOrder(ConsoleTestData.ADERHOLT,
                ConsoleTestData.CANTWELL);
    }

    @Test
    void stancesAreRecordedChangedAndClearedWithAnAuditTrail() {
        Bill bill = newBill();
        bills.setStance(bill.getId(), ConsoleTestData.BILIRAKIS, Stance.UNDECIDED);
        bills.setStance(bill.getId(), ConsoleTestData.BILIRAKIS, Stance.SUPPORTER);

        assertThat(bills.stances(bill.getId())).singleElement()
            .satisfies(s -> assertThat(s.getStance()).isEqualTo(Stance.SUPPORTER));
        assertThat(bills.stancesOf(ConsoleTestData.BILIRAKIS)).extracting(LegislatorStance::getBillId)
            .contains(bill.getId());
        assertThat(bills.isNonCosponsor(List.of(bill.getId()), ConsoleTestData.BILIRAKIS)).isTrue();

        bills.setStance(bill.getId(), ConsoleTestData.BILIRAKIS, null);

        assertThat(bills.stances(bill.getId())).isEmpty();
        assertThat(jdbc.queryForList("select action from audit_event where entity_id = ? order by id", String.class,
                bill.getId() + "/" + ConsoleTestData.BILIRAKIS))
            .containsExactly("stance.set", "stance.set", "stance.clear");
    }

    @Test
    void aDuplicateBillNumberIsRefusedWithAClearMessage() {
        Bill bill = newBill();
        Assertions.assertThatThrownBy(() -> bills.create(bill.getCongress(), bill.getType(), bill.getNumber(), "Again"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("already exists");
    }

    Bill newBill() {
        int number = ThreadLocalRandom.current().nextInt(10_000, 99_999);
        return bills.create(119, BillType.HR, number, "Test relief act " + number);
    }

    Campaign liveCampaign(long billId) {
        String slug = "lifecycle-" + ThreadLocalRandom.current().nextInt(1_000_000);
        Campaign campaign = campaigns
            .create(new CampaignDetails(slug, "Lifecycle " + slug, null, "<p>Explainer</p>", null, CampaignStatus.LIVE,
                    100, true, true, true, true, true, TargetMode.ALL, Set.of(), Set.of(billId), List.of()));
        templateSets.put(campaign.getId(), BillStage.INTRODUCED, PASS_IT);
        return templateSets.put(campaign.getId(), BillStage.ENACTED, IMPLEMENT_IT);
    }

}
