package org.advocacy.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.advocacy.bills.BillStage;
import org.advocacy.bills.BillService;
import org.advocacy.bills.BillType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest
@WithMockUser(username = "organizer@example.org", roles = "ORGANIZER")
class CampaignEditingIntegrationTests {

    @Autowired
    CampaignService campaigns;

    @Autowired
    CampaignTemplates templateSets;

    @Autowired
    CampaignToolkit toolkit;

    @Autowired
    BillService bills;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anEditIsVisibleToThePublicReadAtOnceAndAuditedWithBeforeAndAfter() {
        Campaign campaign = draft();
        CampaignDetails live = with(CampaignDetails.of(campaign), "Live title", CampaignStatus.LIVE,
                "<p>New <script>alert(1)</script><strong>explainer</strong></p>");

        campaigns.update(campaign.getId(), campaign.getVersion(), live);

        Campaign seen = campaigns.findPublic(campaign.getSlug()).orElseThrow();
        assertThat(seen.getTitle()).isEqualTo("Live title");
        assertThat(seen.getExplainer()).contains("<strong>explainer</strong>").doesNotContain("script");
        assertThat(jdbc.queryForMap("select actor, before_state->>'title' as before, after_state->>'title' as after, "
                + "after_state->>'status' as status from audit_event where action = 'campaign.update' "
                + "and entity_id = ? order by id desc limit 1", campaign.getId().toString()))
            .containsEntry("actor", "organizer@example.org")
            .containsEntry("before", campaign.getTitle())
            .containsEntry("after", "Live title")
            .containsEntry("status", "LIVE");
    }

    @Test
    void aTakenSlugIsRefusedAndNothingIsWritten() {
        Campaign campaign = draft();
        CampaignDetails clash = new CampaignDetails("tsra", "Clash", null, "<p>x</p>", null, CampaignStatus.DRAFT, null,
                true, true, true, true, true, TargetMode.ALL, Set.of(), Set.of(), List.of());
        Integer auditsBefore = jdbc.queryForObject("select count(*) from audit_event", Integer.class);

        assertThatThrownBy(() -> campaigns.update(campaign.getId(), campaign.getVersion(), clash))
            .isInstanceOf(CampaignService.InvalidCampaignException.class)
            .hasMessageContaining("already uses the web address \"tsra\"");

        assertThat(campaigns.find(campaign.getId()).orElseThrow().getTitle()).isEqualTo(campaign.getTitle());
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Integer.class)).isEqualTo(auditsBefore);
    }

    @Test
    void aStaleEditIsRefusedSoNoOnesChangesAreLost() {
        Campaign campaign = draft();
        campaigns.update(campaign.getId(), campaign.getVersion(),
                with(CampaignDetails.of(campaign), "First", CampaignStatus.DRAFT, "<p>a</p>"));

        assertThatThrownBy(() -> campaigns.update(campaign.getId(), campaign.getVersion(),
                with(CampaignDetails.of(campaign), "Second", CampaignStatus.DRAFT, "<p>b</p>")))
            .hasMessageContaining("Someone else saved this campaign");
        assertThat(campaigns.find(campaign.getId()).orElseThrow().getTitle()).isEqualTo("First");
    }

    @Test
    void aLiveCampaignNeedsABillAndSpecificTargetingNeedsMembers() {
        Campaign campaign = draft();
        CampaignDetails details = CampaignDetails.of(campaign);

        assertThatThrownBy(() -> campaigns.update(campaign.getId(), campaign.getVersion(),
                new CampaignDetails(details.slug(), "x", null, "<p>x</p>", null, CampaignStatus.LIVE, null, true, true,
                        true, true, true, TargetMode.ALL, Set.of(), Set.of(), List.of())))
            .hasMessage("Link at least one bill before making the campaign live.");
        assertThatThrownBy(() -> campaigns.update(campaign.getId(), campaign.getVersion(),
                new CampaignDetails(details.slug(), "x", null, "<p>x</p>", null, CampaignStatus.DRAFT, null, true, true,
                        true, true, true, TargetMode.SPECIFIC, Set.of(), Set.of(), List.of())))
            .hasMessageContaining("Pick at least one member");
    }

    @Test
    void templateSetsAndToolkitEntriesAreEditableAndAudited() {
        Campaign campaign = draft();
        TemplateSet set = new TemplateSet("Act now", "Subject", "Letter {{legislator.name}}", "Script", "Meeting");

        templateSets.put(campaign.getId(), BillStage.IN_COMMITTEE, set);
        ToolkitResource resource = toolkit.add(campaign.getId(), ToolkitKind.GUIDE, "Guide", "How to", null,
                "https://example.org/guide");
        toolkit.update(resource.getId(), ToolkitKind.LINK, "Link", "Where", null, null);

        Campaign reloaded = campaigns.find(campaign.getId()).orElseThrow();
        assertThat(reloaded.templatesFor(BillStage.PASSED_HOUSE)).contains(set);
        assertThat(toolkit.resources(reloaded)).singleElement().satisfies(r -> {
            assertThat(r.getTitle()).isEqualTo("Link");
            assertThat(r.getKind()).isEqualTo(ToolkitKind.LINK);
        });
        assertThatThrownBy(
                () -> toolkit.add(campaign.getId(), ToolkitKind.LINK, "Bad", "Bad", null, "javascript:alert(1)"))
            .hasMessageContaining("http");

        toolkit.remove(resource.getId());

        assertThat(toolkit.resources(reloaded)).isEmpty();
        assertThat(jdbc.queryForList(
                "select action from audit_event where entity_id in (?, ?) "
                        + "and entity_type in ('Campaign', 'ToolkitResource') order by id",
                String.class, campaign.getId().toString(), resource.getId().toString()))
            .contains("campaign.templates.put", "toolkit.create", "toolkit.update", "toolkit.delete");
    }

    Campaign draft() {
        String slug = "edit-" + ThreadLocalRandom.current().nextInt(10_000_000);
        long bill = bills.create(119, BillType.S, ThreadLocalRandom.current().nextInt(10_000, 99_999), "A bill")
            .getId();
        return campaigns.create(new CampaignDetails(slug, "Draft " + slug, "Tag", "<p>Explainer</p>", null,
                CampaignStatus.DRAFT, 10, true, false, true, true, false, TargetMode.ALL, Set.of(), Set.of(bill),
                List.of(new KeyFact("A fact", "A source", null, null))));
    }

    static CampaignDetails with(CampaignDetails d, String title, CampaignStatus status, String explainer) {
        return new CampaignDetails(d.slug(), title, d.tagline(), explainer, d.whyItMattersHtml(), status, d.goal(),
                d.letterEnabled(), d.callEnabled(), d.meetingEnabled(), d.targetHouse(), d.targetSenate(),
                d.targetMode(), d.specificTargets(), d.billIds(), d.keyFacts());
    }

}
