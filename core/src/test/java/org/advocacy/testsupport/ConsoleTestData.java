package org.advocacy.testsupport;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.advocacy.supporters.ActionType;
import org.advocacy.supporters.MeetingRequest;
import org.advocacy.supporters.Supporter;
import org.advocacy.supporters.SupporterAction;
import org.advocacy.stories.Attribution;
import org.advocacy.stories.Story;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rows the console tests need, written straight to the test database. The legislators are
 * real members of the 119th Congress, copied from /work/shared/data/congress-legislators.
 */
public final class ConsoleTestData {

    /** Rep. Robert Aderholt, AL-4. */
    public static final String ADERHOLT = "A000055";

    /** Rep. Gus Bilirakis, FL-12. */
    public static final String BILIRAKIS = "B001257";

    /** Sen. Maria Cantwell, WA. */
    public static final String CANTWELL = "C000127";

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transaction;

    private final EntityManager entityManager;

    public ConsoleTestData(JdbcTemplate jdbc, TransactionTemplate transaction, EntityManager entityManager) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.entityManager = entityManager;
    }

    public void insertLegislators() {
        String sql = """
                insert into legislator (bioguide_id, first_name, last_name, chamber, state, district, senate_class,
                    state_rank, party, phone, term_start, term_end)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::date, ?::date) on conflict (bioguide_id) do nothing""";
        jdbc.update(sql, ADERHOLT, "Robert", "Aderholt", "HOUSE", "AL", 4, null, null, "Republican", "202-225-4876",
                "2025-01-03", "2027-01-03");
        jdbc.update(sql, BILIRAKIS, "Gus", "Bilirakis", "HOUSE", "FL", 12, null, null, "Republican", "202-225-5755",
                "2025-01-03", "2027-01-03");
        jdbc.update(sql, CANTWELL, "Maria", "Cantwell", "SENATE", "WA", null, 1, "junior", "Democrat", "202-224-3441",
                "2025-01-03", "2031-01-03");
    }

    public long tsraCampaignId() {
        Long id = jdbc.queryForObject("select id from campaign where slug = 'tsra'", Long.class);
        return id == null ? 0 : id;
    }

    /**
     * A draft campaign only these tests use, so that their stories and actions never
     * touch the demo campaign other tests count.
     */
    public long testCampaignId() {
        jdbc.update("insert into campaign (slug, title, explainer) values ('console-tests', 'Console tests', "
                + "'<p>Test campaign</p>') on conflict (slug) do nothing");
        Long id = jdbc.queryForObject("select id from campaign where slug = 'console-tests'", Long.class);
        return id == null ? 0 : id;
    }

    public long supporter(String name, String state, Integer district) {
        return transaction.execute(status -> {
            Supporter supporter = new Supporter(UUID.randomUUID() + "@example.org", name);
            supporter.updateDetails(name, null, state, district);
            entityManager.persist(supporter);
            return supporter.getId();
        });
    }

    public long action(Long supporterId, long campaignId, ActionType type, String bioguideId, String state,
            Integer district, Instant at) {
        return transaction.execute(status -> {
            SupporterAction action = new SupporterAction(supporterId, campaignId, type, bioguideId, null, null, state,
                    district, at, UUID.randomUUID().toString());
            entityManager.persist(action);
            return action.getId();
        });
    }

    public long meetingRequest(Long supporterId, long campaignId, String bioguideId, String name) {
        return transaction.execute(status -> {
            MeetingRequest request = new MeetingRequest(supporterId, campaignId, bioguideId, null, name,
                    UUID.randomUUID() + "@example.org", "555-0100", "Any weekday morning", null,
                    "The new vacatur procedure");
            entityManager.persist(request);
            return request.getId();
        });
    }

    /** A submitted story whose submitter consented to publication on the site only. */
    public long submittedStory(long campaignId, String title, String body, String displayName) {
        return transaction.execute(status -> {
            Story story = new Story(campaignId, title, body, Attribution.PSEUDONYM, displayName, null);
            story.recordConsent(true, false, false, Instant.now(), "submitter", null);
            entityManager.persist(story);
            return story.getId();
        });
    }

    public void withdrawStory(long storyId) {
        transaction
            .executeWithoutResult(status -> entityManager.find(Story.class, storyId).withdrawConsent(Instant.now()));
    }

}
