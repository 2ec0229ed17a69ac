package org.advocacy.reminders.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.advocacy.reminders.Recipient;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The per-recipient delivery records of reminders. The sender calls these in its own
 * short transactions: one to claim a batch (lock, re-check consent, mark SENDING), one to
 * record how the batch went.
 */
@Repository
public class DeliveryStore {

    private final JdbcClient jdbc;

    DeliveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A claimed delivery: who it goes to, or why it must not go. */
    public record Claim(long deliveryId, long reminderId, Recipient recipient, boolean subscribed,
            String reminderStatus, int attempts) {
    }

    private static final String CLAIM = """
            select d.id, d.reminder_id, d.attempts, r.status as reminder_status,
                   s.id as supporter_id, s.email, s.name, s.state, s.district, s.unsubscribe_token,
                   (%s) as subscribed
            from reminder_delivery d
            join reminder r on r.id = d.reminder_id
            join supporter_contact s on s.id = d.supporter_id
            """.formatted(AudienceQueries.SUBSCRIBED);

    /**
     * Locks the next PENDING deliveries of a reminder, in id order, skipping those
     * another sender holds, and reads each supporter's consent as it is now, in the same
     * transaction as the state changes that follow.
     */
    public List<Claim> lockNextPending(long reminderId, int limit) {
        return jdbc.sql(CLAIM
                + " where d.reminder_id = ? and d.status = 'PENDING' order by d.id limit ? for update of d skip locked")
            .params(reminderId, limit)
            .query(DeliveryStore::claim)
            .list();
    }

    /**
     * Locks those of the given deliveries that are still PENDING (a retry of a batch), as
     * {@link #lockNextPending}.
     */
    public List<Claim> lockPending(List<Long> deliveryIds) {
        return jdbc
            .sql(CLAIM + " where d.id = any(?) and d.status = 'PENDING' order by d.id for update of d skip locked")
            .param(deliveryIds.toArray(Long[]::new))
            .query(DeliveryStore::claim)
            .list();
    }

    private static Claim claim(ResultSet rs, int n) throws SQLException {
        return new Claim(rs.getLong("id"), rs.getLong("reminder_id"),
                new Recipient(rs.getLong("supporter_id"), rs.getString("email"), rs.getString("name"),
                        rs.getString("state"), (Integer) rs.getObject("district"), rs.getString("unsubscribe_token")),
                rs.getBoolean("subscribed"), rs.getString("reminder_status"), rs.getInt("attempts"));
    }

    /**
     * Claimed deliveries about to be handed to SMTP, each with the Message-ID it goes out
     * with.
     */
    public void markSending(Map<Long, String> messageIds) {
        if (messageIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update reminder_delivery d set status = 'SENDING', attempts = d.attempts + 1, message_id = m.message_id,
                       updated_at = now()
                from unnest(?::bigint[], ?::text[]) as m(id, message_id) where d.id = m.id""")
            .params(messageIds.keySet().toArray(Long[]::new), messageIds.values().toArray(String[]::new))
            .update();
    }

    /**
     * A PENDING delivery whose email cannot be built (an invalid address, say): a
     * permanent failure.
     */
    public void markUnsendable(long deliveryId, String error) {
        jdbc.sql(
                "update reminder_delivery set status = 'FAILED_PERMANENT', last_error = ?, updated_at = now() where id = ?")
            .params(truncate(error), deliveryId)
            .update();
    }

    public void markSkipped(List<Long> deliveryIds, String reason) {
        if (!deliveryIds.isEmpty()) {
            jdbc.sql(
                    "update reminder_delivery set status = 'SKIPPED', last_error = ?, updated_at = now() where id = any(?)")
                .params(reason, deliveryIds.toArray(Long[]::new))
                .update();
        }
    }

    public void markSent(List<Long> deliveryIds, Instant at) {
        if (!deliveryIds.isEmpty()) {
            jdbc.sql(
                    "update reminder_delivery set status = 'SENT', sent_at = ?, last_error = null, updated_at = now() where id = any(?) and status = 'SENDING'")
                .params(Timestamp.from(at), deliveryIds.toArray(Long[]::new))
                .update();
        }
    }

    /**
     * The SMTP server did not take these (a transient failure, or never handed over):
     * back to PENDING.
     */
    public void release(List<Long> deliveryIds, String error) {
        if (!deliveryIds.isEmpty()) {
            jdbc.sql(
                    "update reminder_delivery set status = 'PENDING', last_error = ?, updated_at = now() where id = any(?) and status = 'SENDING'")
                .params(truncate(error), deliveryIds.toArray(Long[]::new))
                .update();
        }
    }

    public void markFailed(long deliveryId, String error) {
        jdbc.sql(
                "update reminder_delivery set status = 'FAILED_PERMANENT', last_error = ?, updated_at = now() where id = ? and status = 'SENDING'")
            .params(truncate(error), deliveryId)
            .update();
    }

    /**
     * The connection broke while this one was handed over: the server may have it. It is
     * not sent again.
     */
    public void markDeliveryInDoubt(long deliveryId, String error) {
        jdbc.sql(
                "update reminder_delivery set status = 'IN_DOUBT', last_error = ?, updated_at = now() where id = ? and status = 'SENDING'")
            .params(truncate("In doubt, not sent again: " + error), deliveryId)
            .update();
    }

    /**
     * Deliveries left SENDING by a sender that died between handing a message to SMTP and
     * recording the result. They may or may not have been delivered; they are never sent
     * again.
     */
    public int markInDoubt(long reminderId) {
        return jdbc.sql(
                "update reminder_delivery set status = 'IN_DOUBT', last_error = 'The sender stopped while handing this email to the mail server; it is not sent again.', updated_at = now() where reminder_id = ? and status = 'SENDING'")
            .param(reminderId)
            .update();
    }

    public int skipPending(long reminderId, String reason) {
        return jdbc.sql(
                "update reminder_delivery set status = 'SKIPPED', last_error = ?, updated_at = now() where reminder_id = ? and status = 'PENDING'")
            .params(reason, reminderId)
            .update();
    }

    /** Counts by status, for progress. */
    public Counts counts(long reminderId) {
        return jdbc.sql("""
                select count(*) as total,
                       count(*) filter (where status = 'PENDING') as pending,
                       count(*) filter (where status = 'SENDING') as sending,
                       count(*) filter (where status = 'SENT') as sent,
                       count(*) filter (where status = 'FAILED_PERMANENT') as failed,
                       count(*) filter (where status = 'SKIPPED') as skipped,
                       count(*) filter (where status = 'IN_DOUBT') as in_doubt
                from reminder_delivery where reminder_id = ?""")
            .param(reminderId)
            .query((rs, n) -> new Counts(rs.getInt("total"), rs.getInt("pending"), rs.getInt("sending"),
                    rs.getInt("sent"), rs.getInt("failed"), rs.getInt("skipped"), rs.getInt("in_doubt")))
            .single();
    }

    /**
     * One page of a reminder's recipients with their delivery state, failures first, then
     * by name.
     */
    public List<DeliveryRow> rows(long reminderId, int offset, int limit) {
        return jdbc.sql("""
                select d.id, s.name, s.email, d.status, d.attempts, d.last_error, d.sent_at, d.updated_at
                from reminder_delivery d join supporter_contact s on s.id = d.supporter_id
                where d.reminder_id = ?
                order by case d.status when 'FAILED_PERMANENT' then 0 when 'IN_DOUBT' then 1 else 2 end, s.name, d.id
                offset ? limit ?""")
            .params(reminderId, offset, limit)
            .query((rs, n) -> new DeliveryRow(rs.getLong("id"), rs.getString("name"), rs.getString("email"),
                    rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"),
                    rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant(),
                    rs.getTimestamp("updated_at").toInstant()))
            .list();
    }

    public record DeliveryRow(long id, String name, String email, String status, int attempts,
            @Nullable String lastError, @Nullable Instant sentAt, Instant updatedAt) {
    }

    public record Counts(int total, int pending, int sending, int sent, int failed, int skipped, int inDoubt) {
    }

    static String truncate(@Nullable String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

}
