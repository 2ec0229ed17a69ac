package org.advocacy.supporters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.EntityManager;

import org.advocacy.testsupport.ConsoleTestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@WithMockUser(username = "organizer@example.org", roles = "ORGANIZER")
class MeetingRequestQueueIntegrationTests {

    @Autowired
    MeetingRequestQueue queue;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    EntityManager entityManager;

    @Test
    void aFollowUpDateBringsTheRequestBackWhenItIsDueAndTheChangeIsAudited() {
        ConsoleTestData data = new ConsoleTestData(jdbc, transaction, entityManager);
        data.insertLegislators();
        long id = data.meetingRequest(null, data.testCampaignId(), ConsoleTestData.BILIRAKIS, "Pat");
        LocalDate due = LocalDate.now().plusDays(3);

        queue.followUp(id, MeetingStatus.REQUESTED, null, "Called the scheduler", due);

        assertThat(queue.dueForFollowUp(due.minusDays(1))).extracting(MeetingRequest::getId).doesNotContain(id);
        assertThat(queue.dueForFollowUp(due)).extracting(MeetingRequest::getId).contains(id);
        assertThatThrownBy(() -> queue.followUp(id, MeetingStatus.SCHEDULED, null, null, null))
            .hasMessage("Enter when the meeting is scheduled for.");

        queue.followUp(id, MeetingStatus.HELD, Instant.parse("2026-02-10T15:00:00Z"), "Met the LD", null);

        assertThat(queue.dueForFollowUp(due.plusYears(1))).extracting(MeetingRequest::getId).doesNotContain(id);
        assertThat(queue.find(id).orElseThrow().getNotes()).isEqualTo("Met the LD");
        assertThat(jdbc.queryForList(
                "select before_state->>'status' || '>' || (after_state->>'status') from audit_event "
                        + "where action = 'meeting.follow-up' and entity_id = ? order by id",
                String.class, String.valueOf(id)))
            .containsExactly("REQUESTED>REQUESTED", "REQUESTED>HELD");
    }

}
