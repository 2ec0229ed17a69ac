package org.advocacy.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.advocacy.bills.BillStage;
import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignService;
import org.advocacy.campaigns.CampaignToolkit;
import org.advocacy.stories.StoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class DemoContentIntegrationTests {

    @Autowired
    CampaignService campaigns;

    @Autowired
    CampaignToolkit toolkit;

    @Autowired
    StoryService stories;

    @Autowired
    DemoContentLoader loader;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void seedsTheTsraCampaignAtTheEnactedStageWithItsSourcedKeyFact() {
        Campaign campaign = campaigns.findPublic("tsra").orElseThrow();

        assertThat(campaign.isLive()).isTrue();
        assertThat(campaigns.currentStage(campaign)).isEqualTo(BillStage.ENACTED);
        assertThat(campaigns.bills(campaign)).singleElement().satisfies(bill -> {
            assertThat(bill.getDesignation()).isEqualTo("H.R. 4323");
            assertThat(bill.getPublicLaw()).isEqualTo("Public Law 119-73");
            assertThat(bill.getStatusHistory()).extracting(e -> e.getStage())
                .containsExactly(BillStage.INTRODUCED, BillStage.IN_COMMITTEE, BillStage.PASSED_HOUSE,
                        BillStage.PASSED_BOTH, BillStage.ENACTED);
        });
        assertThat(campaign.getKeyFacts()).singleElement().satisfies(fact -> {
            assertThat(fact.statement()).startsWith("90 percent of survivors with a criminal record");
            assertThat(fact.sourceName()).isEqualTo("Polaris National Survivor Study");
            assertThat(fact.detail()).contains("457");
        });
        assertThat(campaigns.currentTemplates(campaign).orElseThrow().letterTemplate())
            .contains("strong implementation")
            .doesNotContain("cosponsor and vote");
        // Other tests may publish stories on this campaign too; the demo's own are the
        // examples.
        assertThat(stories.published(campaign.getId())).filteredOn(story -> story.isExample())
            .hasSize(3)
            .allSatisfy(story -> {
                assertThat(story.getTitle()).startsWith("Example");
                assertThat(story.getBody()).contains("This is an example story");
            });
        assertThat(toolkit.resources(campaign)).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void runningTheLoaderAgainDuplicatesNothing() throws Exception {
        Integer campaignsBefore = jdbc.queryForObject("select count(*) from campaign", Integer.class);
        Integer storiesBefore = jdbc.queryForObject("select count(*) from story", Integer.class);

        loader.run(new DefaultApplicationArguments());

        assertThat(jdbc.queryForObject("select count(*) from campaign", Integer.class)).isEqualTo(campaignsBefore);
        assertThat(jdbc.queryForObject("select count(*) from story", Integer.class)).isEqualTo(storiesBefore);
        assertThat(jdbc.queryForObject(
                "select count(*) from bill where congress = 119 and bill_type = 'HR' and number = 4323", Integer.class))
            .isEqualTo(1);
    }

}
