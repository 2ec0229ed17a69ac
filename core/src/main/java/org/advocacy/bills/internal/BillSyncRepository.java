package org.advocacy.bills.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.advocacy.bills.BillStage;
import org.advocacy.bills.BillType;
import org.advocacy.bills.BillSyncService.StageChange;
import org.advocacy.bills.BillSyncService.SyncStatus;
import org.advocacy.bills.BillSyncService.TrackedBill;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sync's bookkeeping tables: last sync per bill, stage changes, and who has seen
 * them.
 */
@Repository
public class BillSyncRepository {

    private final JdbcClient jdbc;

    BillSyncRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void recordCheck(long billId, Instant at, boolean succeeded, String message, boolean changed,
            String sourceUrl) {
        jdbc.sql("""
                insert into bill_sync (bill_id, checked_at, succeeded, message, changed_at, source_url)
                values (:bill, :at, :ok, :message, case when :changed then cast(:at as timestamptz) end, :url)
                on conflict (bill_id) do update set checked_at = excluded.checked_at,
                    succeeded = excluded.succeeded, message = excluded.message, source_url = excluded.source_url,
                    changed_at = coalesce(excluded.changed_at, bill_sync.changed_at)""")
            .param("bill", billId)
            .param("at", Timestamp.from(at))
            .param("ok", succeeded)
            .param("message", shorten(message, 500))
            .param("changed", changed)
            .param("url", shorten(sourceUrl, 500))
            .update();
    }

    /** Every bill by number only, without loading histories and cosponsors. */
    public List<TrackedBill> tracked() {
        return jdbc.sql("select id, congress, bill_type, number from bill order by id")
            .query((rs, row) -> new TrackedBill(rs.getLong(1), rs.getInt(2), BillType.valueOf(rs.getString(3)),
                    rs.getInt(4)))
            .list();
    }

    public Optional<SyncStatus> status(long billId) {
        return jdbc.sql("select checked_at, succeeded, message, changed_at from bill_sync where bill_id = ?")
            .param(billId)
            .query((rs, row) -> new SyncStatus(rs.getTimestamp(1).toInstant(), rs.getBoolean(2), rs.getString(3),
                    rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
            .optional();
    }

    public void recordStageChange(long billId, BillStage from, BillStage to, @Nullable LocalDate occurredOn, Instant at,
            String source) {
        jdbc.sql("""
                insert into bill_stage_change (bill_id, from_stage, to_stage, occurred_on, recorded_at, source)
                values (?, ?, ?, ?, ?, ?)""")
            .params(billId, from.name(), to.name(), occurredOn, Timestamp.from(at), shorten(source, 500))
            .update();
    }

    public List<StageChange> stageChangesSince(@Nullable Instant since, int limit) {
        return jdbc.sql("""
                select c.bill_id, b.congress, b.bill_type, b.number, b.short_title, c.from_stage, c.to_stage,
                       c.occurred_on, c.recorded_at
                from bill_stage_change c join bill b on b.id = c.bill_id
                where c.recorded_at > coalesce(?, '-infinity'::timestamptz)
                order by c.recorded_at desc, c.id desc limit ?""")
            .params(since == null ? null : Timestamp.from(since), limit)
            .query((rs, row) -> new StageChange(rs.getLong(1), rs.getInt(2), BillType.valueOf(rs.getString(3)),
                    rs.getInt(4), rs.getString(5), BillStage.valueOf(rs.getString(6)),
                    BillStage.valueOf(rs.getString(7)), rs.getDate(8) == null ? null : rs.getDate(8).toLocalDate(),
                    rs.getTimestamp(9).toInstant()))
            .list();
    }

    public Optional<Instant> seenAt(String login) {
        return jdbc.sql("select seen_at from bill_change_seen where staff_login = ?")
            .param(login)
            .query(Timestamp.class)
            .optional()
            .map(Timestamp::toInstant);
    }

    public void markSeen(String login, Instant at) {
        jdbc.sql("""
                insert into bill_change_seen (staff_login, seen_at) values (?, ?)
                on conflict (staff_login) do update set seen_at = excluded.seen_at""")
            .params(login, Timestamp.from(at))
            .update();
    }

    /**
     * Which of these members are in the roster (sitting or not): only they can have a
     * stance.
     */
    public Set<String> inRoster(Collection<String> bioguideIds) {
        if (bioguideIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select bioguide_id from legislator where bioguide_id in (:ids)")
            .param("ids", bioguideIds)
            .query(String.class)
            .list());
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

}
