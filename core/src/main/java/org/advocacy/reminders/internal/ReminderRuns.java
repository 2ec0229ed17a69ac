package org.advocacy.reminders.internal;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * State changes a sending run makes to its reminder row; each bumps the version so a
 * stale console edit fails.
 */
@Repository
public class ReminderRuns {

    private final JdbcClient jdbc;

    ReminderRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(long id, String status, boolean materialised) {
    }

    public Optional<Row> lock(long reminderId) {
        return jdbc
            .sql("select id, status, materialised_at is not null as materialised from reminder where id = ? for update")
            .param(reminderId)
            .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("status"), rs.getBoolean("materialised")))
            .optional();
    }

    public void markSending(long reminderId, @Nullable Long jobExecutionId) {
        jdbc.sql("""
                update reminder set status = 'SENDING', started_at = coalesce(started_at, now()), heartbeat_at = now(),
                       job_execution_id = coalesce(?, job_execution_id), last_error = null, finished_at = null,
                       updated_at = now(), version = version + 1
                where id = ?""").params(jobExecutionId, reminderId).update();
    }

    public void markMaterialised(long reminderId, int recipients) {
        jdbc.sql("update reminder set materialised_at = now(), recipient_count = ?, version = version + 1 where id = ?")
            .params(recipients, reminderId)
            .update();
    }

    public void heartbeat(long reminderId) {
        jdbc.sql("update reminder set heartbeat_at = now() where id = ?").param(reminderId).update();
    }

    /**
     * Copies the delivery counts onto the reminder, and sets a final status when one is
     * given.
     */
    public void finish(long reminderId, @Nullable String status, @Nullable String error) {
        jdbc.sql("""
                update reminder r set
                    sent_count = c.sent, failed_count = c.failed, skipped_count = c.skipped, recipient_count = c.total,
                    status = coalesce(cast(? as text), r.status), last_error = coalesce(cast(? as text), r.last_error),
                    finished_at = case when cast(? as text) is null then r.finished_at else now() end,
                    updated_at = now(), version = r.version + 1
                from (select count(*) as total,
                             count(*) filter (where status = 'SENT') as sent,
                             count(*) filter (where status in ('FAILED_PERMANENT', 'IN_DOUBT')) as failed,
                             count(*) filter (where status = 'SKIPPED') as skipped
                      from reminder_delivery where reminder_id = ?) c
                where r.id = ?""")
            .params(status, error == null ? null : DeliveryStore.truncate(error), status, reminderId, reminderId)
            .update();
    }

    /**
     * SENDING reminders whose sender has shown no sign of life for the given number of
     * seconds.
     */
    public List<Long> stale(long seconds) {
        return jdbc.sql(
                "select id from reminder where status = 'SENDING' and (heartbeat_at is null or heartbeat_at < now() - make_interval(secs => ?)) order by id")
            .param(seconds)
            .query(Long.class)
            .list();
    }

}
