package org.advocacy.testsupport;

import java.sql.Timestamp;
import java.time.Instant;

import org.advocacy.shared.Tokens;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test data for reminder tests: real members of Congress for Vermont and Maine (from the
 * unitedstates/congress-legislators snapshot in /work/shared/data), and supporters in
 * every consent state. Supporters' addresses end in {@code @reminders.test};
 * {@link #clean()} removes them and every reminder.
 */
public class ReminderTestData {

    public enum Consent {

        CONFIRMED, NEVER_ASKED, AWAITING_CONFIRMATION, UNSUBSCRIBED

    }

    private final JdbcTemplate jdbc;

    public ReminderTestData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void clean() {
        jdbc.update("delete from automatic_reminder");
        jdbc.update("delete from reminder_opt_out");
        jdbc.update("delete from reminder_delivery");
        jdbc.update("delete from reminder");
        jdbc.update(
                "delete from meeting_request where supporter_id in (select id from supporter where email like '%@reminders.test')");
        jdbc.update(
                "delete from supporter_action where supporter_id in (select id from supporter where email like '%@reminders.test')");
        jdbc.update("delete from supporter where email like '%@reminders.test'");
        jdbc.update(
                "delete from bill_cosponsor where bill_id in (select id from bill where short_title like 'Reminder test bill%')");
        jdbc.update("delete from bill where short_title like 'Reminder test bill%'");
    }

    /**
     * Vermont (at-large) and Maine (two districts): their members as the roster lists
     * them.
     */
    public void legislators() {
        member("S000033", "Bernard", "Sanders", "Bernard Sanders", "SENATE", "VT", null, 1, "senior", "Independent",
                "202-224-5141");
        member("W000800", "Peter", "Welch", "Peter Welch", "SENATE", "VT", null, 3, "junior", "Democrat",
                "202-224-4242");
        member("B001318", "Becca", "Balint", "Becca Balint", "HOUSE", "VT", 0, null, null, "Democrat", "202-225-4115");
        member("C001035", "Susan", "Collins", "Susan M. Collins", "SENATE", "ME", null, 2, "senior", "Republican",
                "202-224-2523");
        member("K000383", "Angus", "King", "Angus S. King, Jr.", "SENATE", "ME", null, 1, "junior", "Independent",
                "202-224-5344");
        member("P000597", "Chellie", "Pingree", "Chellie Pingree", "HOUSE", "ME", 1, null, null, "Democrat",
                "202-225-6116");
        member("G000592", "Jared", "Golden", "Jared F. Golden", "HOUSE", "ME", 2, null, null, "Democrat",
                "202-225-6306");
    }

    private void member(String bioguide, String first, String last, String official, String chamber, String state,
            Integer district, Integer senateClass, String rank, String party, String phone) {
        jdbc.update("""
                insert into legislator (bioguide_id, first_name, last_name, official_name, chamber, state, district,
                    senate_class, state_rank, party, phone, term_start, term_end, in_office)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, date '2025-01-03', date '2031-01-03', true)
                on conflict (bioguide_id) do nothing""", bioguide, first, last, official, chamber, state, district,
                senateClass, rank, party, phone);
    }

    public long campaign(String slug) {
        Long existing = jdbc.query("select id from campaign where slug = ?", rs -> rs.next() ? rs.getLong(1) : null,
                slug);
        if (existing != null) {
            return existing;
        }
        return jdbc.queryForObject("insert into campaign (slug, title, explainer) values (?, ?, ?) returning id",
                Long.class, slug, "Campaign " + slug, "<p>Test campaign for reminders.</p>");
    }

    public long supporter(String localPart, String name, String state, Integer district, Consent consent) {
        Instant now = Instant.now();
        boolean emailConsent = consent == Consent.CONFIRMED || consent == Consent.AWAITING_CONFIRMATION;
        Timestamp confirmed = consent == Consent.CONFIRMED || consent == Consent.UNSUBSCRIBED
                ? Timestamp.from(now.minusSeconds(30 * 86_400L)) : null;
        Timestamp unsubscribed = consent == Consent.UNSUBSCRIBED ? Timestamp.from(now.minusSeconds(86_400)) : null;
        return jdbc.queryForObject("""
                insert into supporter (email, name, state, district, email_consent, consent_requested_at,
                    consent_confirmed_at, unsubscribed_at, unsubscribe_token, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, localPart + "@reminders.test", name,
                state, district, emailConsent, Timestamp.from(now.minusSeconds(31 * 86_400L)), confirmed, unsubscribed,
                Tokens.newToken(), Timestamp.from(now.minusSeconds(31 * 86_400L)));
    }

    public String email(long supporterId) {
        return jdbc.queryForObject("select email from supporter where id = ?", String.class, supporterId);
    }

    public String unsubscribeToken(long supporterId) {
        return jdbc.queryForObject("select unsubscribe_token from supporter where id = ?", String.class, supporterId);
    }

    public void action(long supporterId, long campaignId, String type) {
        jdbc.update("""
                insert into supporter_action (supporter_id, campaign_id, action_type, idempotency_key)
                values (?, ?, ?, ?)""", supporterId, campaignId, type, Tokens.newToken());
    }

    public void unsubscribe(long supporterId) {
        jdbc.update("update supporter set email_consent = false, unsubscribed_at = now() where id = ?", supporterId);
    }

    public long bill(int number) {
        return jdbc.queryForObject("""
                insert into bill (congress, bill_type, number, short_title) values (119, 'S', ?, ?) returning id""",
                Long.class, number, "Reminder test bill " + number);
    }

    public void cosponsor(long billId, String bioguideId) {
        jdbc.update("insert into bill_cosponsor (bill_id, bioguide_id) values (?, ?)", billId, bioguideId);
    }

    public long scheduledMeeting(long supporterId, long campaignId, String bioguideId, Instant at) {
        return jdbc.queryForObject(
                """
                        insert into meeting_request (supporter_id, campaign_id, bioguide_id, preferred_dates, topic, status, scheduled_for)
                        values (?, ?, ?, 'Any weekday', 'Funding the new law', 'SCHEDULED', ?) returning id""",
                Long.class, supporterId, campaignId, bioguideId, Timestamp.from(at));
    }

}
