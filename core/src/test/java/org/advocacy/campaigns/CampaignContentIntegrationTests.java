package org.advocacy.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.advocacy.bills.BillStage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Section headings are campaign content in two languages; templates with unknown
 * placeholders are refused.
 */
@SpringBootTest
@WithMockUser(username = "organizer@example.org", roles = "ORGANIZER")
class CampaignContentIntegrationTests {

    @Autowired
    CampaignService campaigns;

    @Autowired
    CampaignTemplates templateSets;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDemoCampaignKeepsItsOwnHeadingsAsCampaignContent() {
        CampaignSections tsra = campaigns.findPublic("tsra").orElseThrow().getSections();
        assertThat(tsra.whyHeadingIn("en")).isEqualTo("Why criminal record relief matters");
        assertThat(tsra.whyHeadingIn("es")).isEqualTo("Por qué importa borrar los antecedentes penales");
        assertThat(tsra.storiesShown()).isTrue();
        assertThat(tsra.storiesHeadingIn("en")).isEqualTo("Survivor stories");
        assertThat(tsra.storiesHeadingIn("es")).isEqualTo("Historias de sobrevivientes");
    }

    @Test
    void aNewCampaignHasNoStoriesSectionAndGeneralHeadingsUntilStaffSetThem() {
        Campaign campaign = campaigns.create(details("sections-" + ThreadLocalRandom.current().nextInt(10_000_000)));
        assertThat(campaign.getSections()).isEqualTo(CampaignSections.GENERAL);

        Campaign saved = campaigns.update(campaign.getId(), campaign.getVersion(), CampaignDetails.of(campaign),
                new CampaignSections("  Why S. 1234 matters ", "Por qué importa S. 1234", false, "", " "));

        CampaignSections sections = campaigns.find(saved.getId()).orElseThrow().getSections();
        assertThat(sections)
            .isEqualTo(new CampaignSections("Why S. 1234 matters", "Por qué importa S. 1234", false, null, null));
        assertThat(jdbc.queryForObject(
                "select after_state->>'sections' from audit_event where action = "
                        + "'campaign.update' and entity_id = ? order by id desc limit 1",
                String.class, campaign.getId().toString()))
            .contains("Why S. 1234 matters");
    }

    @Test
    void aHeadingInOnlyOneLanguageIsRefusedAndNothingIsSaved() {
        Campaign campaign = campaigns.create(details("one-lang-" + ThreadLocalRandom.current().nextInt(10_000_000)));

        assertThatThrownBy(() -> campaigns.update(campaign.getId(), campaign.getVersion(), CampaignDetails.of(campaign),
                new CampaignSections(null, null, true, "Voices", null)))
            .isInstanceOf(CampaignService.InvalidCampaignException.class)
            .hasMessage("Give the \"stories\" heading in both English and Spanish, or leave both empty to use "
                    + "the general heading.");
        assertThat(campaigns.find(campaign.getId()).orElseThrow().getSections()).isEqualTo(CampaignSections.GENERAL);
    }

    @Test
    void aTemplateWithAnUnknownPlaceholderIsRefusedWithTheValidOnesAndNothingIsSaved() {
        Campaign campaign = campaigns
            .create(details("placeholders-" + ThreadLocalRandom.current().nextInt(10_000_000)));
        TemplateSet typo = new TemplateSet("Ask them", "Support {{bill.number}}", "Dear {{legislator.title}}",
                "Hello, {{unknown.placeholder}} and {{supporter.first_name}}", "Meet {{legislator.lastName}}");

        assertThatThrownBy(() -> templateSets.put(campaign.getId(), BillStage.INTRODUCED, typo))
            .isInstanceOf(CampaignService.InvalidCampaignException.class)
            .hasMessageStartingWith("Unknown placeholder: the call script uses {{unknown.placeholder}}, "
                    + "{{supporter.first_name}}. Use only these placeholders: {{legislator.title}}, ")
            .hasMessageContaining("{{supporter.place}}")
            .hasMessageEndingWith("Nothing was saved.");
        assertThat(campaigns.find(campaign.getId()).orElseThrow().getTemplateSets()).isEmpty();

        TemplateSet fixed = new TemplateSet("Ask them", "Support {{bill.number}}", "Dear {{legislator.title}}",
                "Hello from {{supporter.place}}", "Meet {{legislator.lastName}}");
        templateSets.put(campaign.getId(), BillStage.INTRODUCED, fixed);
        assertThat(campaigns.find(campaign.getId()).orElseThrow().getTemplateSets()).containsEntry(BillStage.INTRODUCED,
                fixed);
    }

    private static CampaignDetails details(String slug) {
        return new CampaignDetails(slug, "S. 1234 Example Act " + slug, null, "<p>Explainer</p>", "<p>Why</p>",
                CampaignStatus.DRAFT, null, true, true, true, true, true, TargetMode.ALL, Set.of(), Set.of(),
                List.of());
    }

}
