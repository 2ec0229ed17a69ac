package org.advocacy.supporters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.advocacy.testsupport.ConsoleTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dashboard's people figures count people: an unconfirmed visit that gave an address
 * we already hold keeps a row of its own, but it is not one more supporter.
 */
@SpringBootTest
@WithMockUser(username = "viewer@example.org", roles = "VIEWER")
class DashboardFiguresIntegrationTests {

    @Autowired
    SupporterService supporters;

    @Autowired
    SupporterStatistics statistics;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    EntityManager entityManager;

    ConsoleTestData data;

    @BeforeEach
    void setUp() {
        data = new ConsoleTestData(jdbc, transaction, entityManager);
    }

    @Test
    void anUnconfirmedVisitGivingAKnownAddressIsNotCountedAsAnotherSupporter() {
        long supportersBefore = supporters.countSupporters();
        long signupsBefore = statistics.signupFigures().supporters();
        long owner = data.supporter("Owner " + UUID.randomUUID(), "AL", 4);
        assertThat(supporters.countSupporters()).isEqualTo(supportersBefore + 1);

        jdbc.queryForObject(
                "insert into supporter (email, name, claims_supporter_id, unsubscribe_token)"
                        + " select email, 'Same address, new visit', id, ? from supporter where id = ? returning id",
                Long.class, UUID.randomUUID().toString(), owner);

        assertThat(supporters.countSupporters()).isEqualTo(supportersBefore + 1);
        assertThat(statistics.signupFigures().supporters()).isEqualTo(signupsBefore + 1);
        assertThat(
                jdbc.queryForObject("select count(*) from supporter where claims_supporter_id = ?", Long.class, owner))
            .as("the visit's row is still there, just not another person")
            .isEqualTo(1);
    }

}
