package org.advocacy.reminders.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.advocacy.reminders.Recipient;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the automatic reminders: who is due, the once-only record of each email, and
 * the opt-outs.
 */
@Repository
public class AutomaticStore {

    private final JdbcClient jdbc;

    AutomaticStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record DueMeeting(long meetingId, long campaignId, String bioguideId, Instant scheduledFor,
            Recipient recipient) {
    }

    private static final String RECIPIENT_COLUMNS = "s.id as supporter_id, s.email, s.name, s.state, s.district, s.unsubscribe_token";

    private static Recipient recipient(ResultSet rs) throws SQLException {
        return new Recipient(rs.getLong("supporter_id"), rs.getString("email"), rs.getString("name"),
                rs.getString("state"), (Integer) rs.getObject("district"), rs.getString("unsubscribe_token"));
    }

    /**
     * Scheduled meetings within the next {@code days} days whose supporter may be emailed
     * and has not had this one.
     */
    public List<DueMeeting> dueMeetings(Instant now, int days) {
        return jdbc
            .sql("""
                    select m.id as meeting_id, m.campaign_id, m.bioguide_id, m.scheduled_for, %s
                    from scheduled_meeting m join supporter_contact s on s.id = m.supporter_id
                    where m.scheduled_for > ? and m.scheduled_for <= ?
                      and %s
                      and not exists (select 1 from reminder_opt_out o where o.supporter_id = s.id and o.kind = 'MEETING_PREP')
                      and not exists (select 1 from automatic_reminder a where a.kind = 'MEETING_PREP' and a.subject_key = 'meeting:' || m.id)
                    order by m.scheduled_for"""
                .formatted(RECIPIENT_COLUMNS, AudienceQueries.SUBSCRIBED))
            .params(Timestamp.from(now), Timestamp.from(now.plusSeconds(days * 86_400L)))
            .query((rs, n) -> new DueMeeting(rs.getLong("meeting_id"), rs.getLong("campaign_id"),
                    rs.getString("bioguide_id"), rs.getTimestamp("scheduled_for").toInstant(), recipient(rs)))
            .list();
    }

    public record DueNudge(@Nullable Long campaignId, Recipient recipient) {
    }

    /**
     * Subscribers who confirmed at least {@code days} days ago and have taken no action
     * but signing up, with the campaign they signed up for (their latest sign-up), if
     * any.
     */
    public List<DueNudge> dueNudges(Instant now, int days, int limit) {
        return jdbc
            .sql("""
                    select (select a.campaign_id from supporter_action_taken a where a.supporter_id = s.id and a.action_type = 'SIGNUP'
                            order by a.occurred_at desc limit 1) as campaign_id, %s
                    from supporter_contact s
                    where %s and s.consent_confirmed_at <= ?
                      and not exists (select 1 from supporter_action_taken a where a.supporter_id = s.id and a.action_type <> 'SIGNUP')
                      and not exists (select 1 from reminder_opt_out o where o.supporter_id = s.id and o.kind = 'ACTION_NUDGE')
                      and not exists (select 1 from automatic_reminder a where a.kind = 'ACTION_NUDGE' and a.subject_key = 'supporter:' || s.id)
                    order by s.id limit ?"""
                .formatted(RECIPIENT_COLUMNS, AudienceQueries.SUBSCRIBED))
            .params(Timestamp.from(now.minusSeconds(days * 86_400L)), limit)
            .query((rs, n) -> new DueNudge((Long) rs.getObject("campaign_id"), recipient(rs)))
            .list();
    }

    /**
     * Records that this email is going out, if it never has and the supporter may still
     * receive it (consent and opt-out read in this same transaction). Returns false when
     * it must not be sent.
     */
    public boolean claim(String kind, long supporterId, @Nullable Long meetingId, String subjectKey, String messageId) {
        return jdbc.sql("""
                insert into automatic_reminder (kind, supporter_id, meeting_request_id, subject_key, message_id)
                select ?, s.id, ?, ?, ? from supporter_contact s
                where s.id = ? and %s
                  and not exists (select 1 from reminder_opt_out o where o.supporter_id = s.id and o.kind = ?)
                on conflict (kind, subject_key) do nothing""".formatted(AudienceQueries.SUBSCRIBED))
            .params(kind, meetingId, subjectKey, messageId, supporterId, kind)
            .update() == 1;
    }

    public void markSent(String kind, String subjectKey, Instant at) {
        jdbc.sql("update automatic_reminder set status = 'SENT', sent_at = ? where kind = ? and subject_key = ?")
            .params(Timestamp.from(at), kind, subjectKey)
            .update();
    }

    public void markFailed(String kind, String subjectKey, String error) {
        jdbc.sql(
                "update automatic_reminder set status = 'FAILED_PERMANENT', last_error = ? where kind = ? and subject_key = ?")
            .params(DeliveryStore.truncate(error), kind, subjectKey)
            .update();
    }

    /**
     * The mail server did not take it: forget the claim so that the next run tries again.
     */
    public void release(String kind, String subjectKey) {
        jdbc.sql("delete from automatic_reminder where kind = ? and subject_key = ? and status = 'SENDING'")
            .params(kind, subjectKey)
            .update();
    }

    /**
     * The connection broke while this one was handed over: the server may have it, so it
     * is not sent again.
     */
    public void markInDoubt(String kind, String subjectKey, String error) {
        jdbc.sql(
                "update automatic_reminder set status = 'IN_DOUBT', last_error = ? where kind = ? and subject_key = ? and status = 'SENDING'")
            .params(DeliveryStore.truncate("In doubt, not sent again: " + error), kind, subjectKey)
            .update();
    }

    /**
     * Claims a crashed run left SENDING for more than a few minutes: never sent again.
     */
    public int markInDoubt(Instant before) {
        return jdbc.sql("update automatic_reminder set status = 'IN_DOUBT' where status = 'SENDING' and created_at < ?")
            .param(Timestamp.from(before))
            .update();
    }

    public boolean optOut(String unsubscribeToken, String kind) {
        return jdbc.sql("""
                insert into reminder_opt_out (supporter_id, kind)
                select s.id, ? from supporter_contact s where s.unsubscribe_token = ?
                on conflict (supporter_id, kind) do nothing""").params(kind, unsubscribeToken).update() == 1
                || isOptedOut(unsubscribeToken, kind);
    }

    public boolean isOptedOut(String unsubscribeToken, String kind) {
        return jdbc.sql("""
                select count(*) from reminder_opt_out o join supporter_contact s on s.id = o.supporter_id
                where s.unsubscribe_token = ? and o.kind = ?""")
            .params(unsubscribeToken, kind)
            .query(Long.class)
            .single() > 0;
    }

    public boolean tokenExists(String unsubscribeToken) {
        return jdbc.sql("select count(*) from supporter_contact where unsubscribe_token = ?")
            .param(unsubscribeToken)
            .query(Long.class)
            .single() > 0;
    }

}
