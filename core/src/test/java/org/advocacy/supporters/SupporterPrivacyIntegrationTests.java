package org.advocacy.supporters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;

import org.advocacy.testsupport.ConsoleTestData;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@WithMockUser(username = "organizer@example.org", roles = "ORGANIZER")
class SupporterPrivacyIntegrationTests {

    @Autowired
    SupporterSearch search;

    @Autowired
    SupporterExport export;

    @Autowired
    SupporterErasure erasure;

    @Autowired
    SupporterStatistics statistics;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    EntityManager entityManager;

    ConsoleTestData data;

    long campaignId;

    @BeforeEach
    void setUp() {
        data = new ConsoleTestData(jdbc, transaction, entityManager);
        data.insertLegislators();
        campaignId = data.testCampaignId();
    }

    @Test
    void erasingASupporterKeepsTheirActionsCountingAnonymouslyAndStripsTheirMeetingRequest() {
        String name = "Erase " + UUID.randomUUID();
        long supporter = data.supporter(name, "AL", 4);
        long letter = data.action(supporter, campaignId, ActionType.LETTER, ConsoleTestData.ADERHOLT, "AL", 4,
                Instant.now());
        long call = data.action(supporter, campaignId, ActionType.CALL, ConsoleTestData.ADERHOLT, "AL", 4,
                Instant.now());
        long meeting = data.meetingRequest(supporter, campaignId, ConsoleTestData.ADERHOLT, name);
        Integer campaignActionsBefore = jdbc
            .queryForObject("select count(*) from supporter_action where campaign_id = ?", Integer.class, campaignId);

        erasure.erase(supporter);

        assertThat(search.find(supporter)).isEmpty();
        assertThat(jdbc.queryForList("select supporter_id from supporter_action where id in (?, ?)", Long.class, letter,
                call))
            .hasSize(2)
            .containsOnlyNulls();
        assertThat(jdbc.queryForObject("select count(*) from supporter_action where campaign_id = ?", Integer.class,
                campaignId))
            .isEqualTo(campaignActionsBefore);
        assertThat(jdbc.queryForMap("select supporter_id, name, email, phone, topic from meeting_request where id = ?",
                meeting))
            .containsEntry("supporter_id", null)
            .containsEntry("name", null)
            .containsEntry("email", null)
            .containsEntry("phone", null)
            .containsEntry("topic", "The new vacatur procedure");
        assertThat(jdbc.queryForMap("select actor, before_state::text as before from audit_event "
                + "where action = 'supporter.erase' and entity_id = ?", String.valueOf(supporter)))
            .containsEntry("actor", "organizer@example.org")
            .satisfies(row -> assertThat((String) row.get("before")).contains("\"actions\": 2").doesNotContain(name));
    }

    @Test
    void erasingASupporterAlsoErasesUnconfirmedVisitsThatGaveTheirAddress() {
        long supporter = data.supporter("Erase Owner " + UUID.randomUUID(), "AL", 4);
        long visit = jdbc.queryForObject(
                "insert into supporter (email, name, claims_supporter_id, unsubscribe_token)"
                        + " select email, 'Someone Else', id, ? from supporter where id = ? returning id",
                Long.class, UUID.randomUUID().toString(), supporter);
        long action = data.action(visit, campaignId, ActionType.CALL, ConsoleTestData.ADERHOLT, "AL", 4, Instant.now());
        long meeting = data.meetingRequest(visit, campaignId, ConsoleTestData.ADERHOLT, "Someone Else");

        erasure.erase(supporter);

        assertThat(jdbc.queryForObject("select count(*) from supporter where id = ?", Integer.class, visit)).isZero();
        assertThat(jdbc.queryForObject("select supporter_id from supporter_action where id = ?", Long.class, action))
            .isNull();
        assertThat(jdbc.queryForMap("select name, email, phone from meeting_request where id = ?", meeting))
            .containsEntry("name", null)
            .containsEntry("email", null)
            .containsEntry("phone", null);
    }

    @Test
    void theCsvExportHoldsTheMatchingSupportersAndIsAudited() {
        String name = "Csv " + UUID.randomUUID();
        long supporter = data.supporter(name, "FL", 12);
        data.action(supporter, campaignId, ActionType.CALL, ConsoleTestData.BILIRAKIS, "FL", 12, Instant.now());
        data.supporter("=HYPERLINK(\"http://evil\") " + UUID.randomUUID(), "FL", 12);
        StringWriter csv = new StringWriter();

        int rows = export.exportCsv(new SupporterSearch.Filter(null, campaignId, "FL", 12, ActionType.CALL, null), csv);

        assertThat(rows).isGreaterThanOrEqualTo(1);
        assertThat(csv.toString()).startsWith("id,name,email").contains("\"" + name + "\"").doesNotContain("HYPERLINK");
        assertThat(jdbc
            .queryForObject("select after_state->>'rows' from audit_event where action = 'supporters.export-csv' "
                    + "order by id desc limit 1", String.class))
            .isEqualTo(String.valueOf(rows));

        StringWriter all = new StringWriter();
        export.exportCsv(new SupporterSearch.Filter("HYPERLINK", null, null, null, null, null), all);
        assertThat(all.toString()).contains("\"'=HYPERLINK(\"\"http://evil\"\")");
    }

    @Test
    void theCsvExportStreamsThousandsOfSupportersWithTheirActionCountsInOneQuery() {
        String prefix = "Bulk " + UUID.randomUUID();
        int supporters = 1_200;
        // Supporter i took i % 4 actions, so every row's count is checkable.
        jdbc.update("insert into supporter (email, name, state, district, unsubscribe_token) select "
                + "'bulk-' || i || '-' || md5(? || i) || '@example.org', ? || ' #' || i, 'FL', 12, md5(? || i) "
                + "from generate_series(1, ?) i", prefix, prefix, prefix, supporters);
        jdbc.update(
                "insert into supporter_action (supporter_id, campaign_id, action_type, state, district, idempotency_key) "
                        + "select s.id, ?, 'CALL', 'FL', 12, md5(s.id || '-' || n) from supporter s "
                        + "cross join generate_series(1, 3) n where s.name like ? "
                        + "and n <= cast(substring(s.name from '#([0-9]+)$') as int) % 4",
                campaignId, prefix + " #%");
        Statistics statistics = entityManager.getEntityManagerFactory().unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        statistics.setStatisticsEnabled(true);
        StringWriter csv = new StringWriter();
        try {
            assertThat(export.exportCsv(new SupporterSearch.Filter(prefix, null, null, null, null, null), csv))
                .isEqualTo(supporters);
            // One select streams the rows; the audit entry adds its insert. A query per
            // supporter would add 1,200.
            assertThat(statistics.getPrepareStatementCount()).as("statements for the whole export").isEqualTo(2);
        }
        finally {
            statistics.setStatisticsEnabled(false);
            jdbc.update(
                    "delete from supporter_action where supporter_id in (select id from supporter where name like ?)",
                    prefix + " #%");
            jdbc.update("delete from supporter where name like ?", prefix + " #%");
        }

        List<String> lines = csv.toString().lines().toList();
        assertThat(lines).hasSize(supporters + 1);
        Pattern row = Pattern.compile("^\"\\d+\",\"" + Pattern.quote(prefix) + " #(\\d+)\",.*,\"(\\d)\"$");
        Set<Integer> seen = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            Matcher matcher = row.matcher(line);
            assertThat(matcher.matches()).as(line).isTrue();
            int number = Integer.parseInt(matcher.group(1));
            assertThat(Integer.parseInt(matcher.group(2))).as(line).isEqualTo(number % 4);
            seen.add(number);
        }
        assertThat(seen).hasSize(supporters);
    }

    @Test
    @WithMockUser(username = "viewer@example.org", roles = "VIEWER")
    void aViewerMaySearchButNotExportOrErase() {
        assertThat(search.count(SupporterSearch.Filter.NONE)).isGreaterThanOrEqualTo(0);
        assertThatThrownBy(() -> export.exportCsv(SupporterSearch.Filter.NONE, new StringWriter()))
            .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> export.exportOne(1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> erasure.erase(1)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void exportingOneSupporterGivesEverythingWeHoldAndIsAudited() {
        String name = "Subject " + UUID.randomUUID();
        long supporter = data.supporter(name, "WA", null);
        data.action(supporter, campaignId, ActionType.LETTER, ConsoleTestData.CANTWELL, "WA", null, Instant.now());
        data.meetingRequest(supporter, campaignId, ConsoleTestData.CANTWELL, name);

        String json = export.exportOne(supporter);

        assertThat(json).contains(name)
            .containsPattern("\"type\"\\s*:\\s*\"LETTER\"")
            .contains("C000127")
            .contains("The new vacatur procedure");
        assertThat(jdbc.queryForObject(
                "select count(*) from audit_event where action = 'supporter.export' " + "and entity_id = ?",
                Integer.class, String.valueOf(supporter)))
            .isEqualTo(1);
    }

    @Test
    void filtersNarrowTheGridAndTheDashboardCountsActions() {
        String name = "Filter " + UUID.randomUUID();
        long supporter = data.supporter(name, "WA", null);
        Instant yesterday = Instant.now().minusSeconds(86_400);
        data.action(supporter, campaignId, ActionType.MEETING_REQUEST, ConsoleTestData.CANTWELL, "WA", null, yesterday);

        assertThat(search.search(new SupporterSearch.Filter(name, null, null, null, ActionType.MEETING_REQUEST,
                SupporterSearch.ConsentState.NOT_SUBSCRIBED), 0, 10))
            .extracting(Supporter::getName)
            .containsExactly(name);
        assertThat(search.count(new SupporterSearch.Filter(name, null, null, null, ActionType.LETTER, null))).isZero();
        // Subscribed is the same rule in the query (the database's column) as on the row
        // (isSubscribed).
        var subscribed = new SupporterSearch.Filter(name, null, null, null, null,
                SupporterSearch.ConsentState.SUBSCRIBED);
        assertThat(search.count(subscribed)).isZero();
        jdbc.update("update supporter set email_consent = true, consent_confirmed_at = now() where id = ?", supporter);
        assertThat(search.search(subscribed, 0, 10)).singleElement()
            .satisfies(s -> assertThat(s.isSubscribed()).isTrue());
        jdbc.update("update supporter set unsubscribed_at = now(), email_consent = false where id = ?", supporter);
        assertThat(search.count(subscribed)).isZero();
        LocalDate day = LocalDate.ofInstant(yesterday, ZoneOffset.UTC);
        assertThat(statistics.actionsPerDay(day.minusDays(2), day)).hasSize(3)
            .last()
            .satisfies(d -> assertThat(d.count()).isPositive());
        assertThat(statistics.actionsByType(day, day))
            .anySatisfy(t -> assertThat(t.label()).isEqualTo("MEETING_REQUEST"));
        assertThat(statistics.mostContactedLegislators(day, day, 5)).extracting(SupporterStatistics.Tally::label)
            .contains(ConsoleTestData.CANTWELL);
    }

}
