package org.advocacy.legislators;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A member's title follows us_state.has_senators, the one place that says which states
 * elect senators.
 */
@SpringBootTest
class LegislatorRoleIntegrationTests {

    @Autowired
    LegislatorService legislators;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeMembers() {
        jdbc.update("delete from legislator where bioguide_id like 'Z90000%'");
    }

    @Test
    void houseMembersFromPlacesWithoutSenatorsAreDelegatesAndPuertoRicosIsTheResidentCommissioner() {
        member("Z900001", "HOUSE", "GU", 0);
        member("Z900002", "HOUSE", "PR", 0);
        member("Z900003", "HOUSE", "OR", 3);
        member("Z900004", "SENATE", "OR", null);

        assertThat(legislators.find("Z900001").orElseThrow().getTitle()).isEqualTo("Del.");
        assertThat(legislators.find("Z900002").orElseThrow().getTitle()).isEqualTo("Res. Comm.");
        assertThat(legislators.find("Z900003").orElseThrow().getTitle()).isEqualTo("Rep.");
        assertThat(legislators.find("Z900004").orElseThrow().getRole()).isEqualTo(LegislatorRole.SENATOR);
        assertThat(legislators.hasSenators("OR")).isTrue();
        assertThat(legislators.hasSenators("DC")).isFalse();
        assertThat(legislators.hasSenators("GU")).isFalse();
    }

    private void member(String bioguide, String chamber, String state, Integer district) {
        jdbc.update(
                """
                        insert into legislator (bioguide_id, first_name, last_name, chamber, state, district, senate_class, party,
                            term_start, term_end, in_office)
                        values (?, 'Alex', 'Doe', ?, ?, ?, ?, 'Democrat', date '2025-01-03', date '2031-01-03', true)""",
                bioguide, chamber, state, district, "SENATE".equals(chamber) ? 2 : null);
    }

}
