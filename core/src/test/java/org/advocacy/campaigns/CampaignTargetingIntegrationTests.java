package org.advocacy.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.advocacy.legislators.Legislator;
import org.advocacy.legislators.LookupService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Whom a campaign asks a Vermont supporter (ZIP 05401: Rep. Balint, Sens. Sanders and
 * Welch) to contact.
 */
@SpringBootTest
class CampaignTargetingIntegrationTests {

    @Autowired
    CampaignTargeting targeting;

    @Autowired
    CampaignService campaigns;

    @Autowired
    LookupService lookups;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void loadVermontDelegation() {
        new ResourceDatabasePopulator(new ClassPathResource("sql/vermont-delegation.sql"))
            .execute(jdbc.getDataSource());
    }

    @Test
    void allModeTargetsTheRepresentativeAndBothSenators() {
        assertThat(targets(campaign(true, true, "ALL"))).containsExactly("B001318", "S000033", "W000800");
    }

    @Test
    void aHouseOnlyCampaignTargetsOnlyTheRepresentative() {
        assertThat(targets(campaign(true, false, "ALL"))).containsExactly("B001318");
        assertThat(targets(campaign(false, true, "ALL"))).containsExactly("S000033", "W000800");
    }

    @Test
    void nonCosponsorModeLeavesOutTheSponsorAndCosponsorsOfTheCampaignsBills() {
        long campaign = campaign(true, true, "NON_COSPONSORS");
        Long bill = jdbc.queryForObject(
                "insert into bill (congress, bill_type, number, short_title, sponsor_id)"
                        + " values (119, 'S', ?, 'Targeting test bill', 'W000800') returning id",
                Long.class, (int) (Math.abs(System.nanoTime()) % 800_000) + 100_000);
        jdbc.update("insert into bill_cosponsor (bill_id, bioguide_id) values (?, 'B001318')", bill);
        jdbc.update("insert into campaign_bill (campaign_id, bill_id) values (?, ?)", campaign, bill);
        assertThat(targets(campaign)).containsExactly("S000033");
    }

    @Test
    void specificModeTargetsOnlyTheChosenMembersInTheTargetedChambers() {
        long campaign = campaign(true, true, "SPECIFIC");
        jdbc.update("insert into campaign_target (campaign_id, bioguide_id) values (?, 'S000033')", campaign);
        assertThat(targets(campaign)).containsExactly("S000033");

        long houseOnly = campaign(true, false, "SPECIFIC");
        jdbc.update("insert into campaign_target (campaign_id, bioguide_id) values (?, 'S000033')", houseOnly);
        assertThat(targets(houseOnly)).isEmpty();
    }

    private List<String> targets(long campaignId) {
        Campaign campaign = campaigns.find(campaignId).orElseThrow();
        return targeting.targets(campaign, lookups.lookup("05401")).stream().map(Legislator::getBioguideId).toList();
    }

    private long campaign(boolean house, boolean senate, String mode) {
        return jdbc.queryForObject(
                "insert into campaign (slug, title, explainer, status, target_house, target_senate, target_mode)"
                        + " values (?, 'Targeting test', '<p>Test</p>', 'LIVE', ?, ?, ?) returning id",
                Long.class, "targeting-" + System.nanoTime(), house, senate, mode);
    }

}
