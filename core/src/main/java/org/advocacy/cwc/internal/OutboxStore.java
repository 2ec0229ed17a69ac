package org.advocacy.cwc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.advocacy.cwc.DeliveryState;
import org.advocacy.cwc.QueuedLetter;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The CWC outbox ({@code cwc_delivery}, V80). Every state change is one statement guarded
 * by the state it leaves, so a row moves forward once; claiming locks with
 * {@code for update skip locked} and commits SENDING before anything is posted.
 */
@Repository
public class OutboxStore {

    /**
     * Sets every personal column to null: what "erased" means (the table's check
     * constraint agrees).
     */
    private static final String ERASE = """
            prefix = null, first_name = null, last_name = null, address1 = null, address2 = null, city = null,
            email = null, message = null, erased_at = now()""";

    private final JdbcClient jdbc;

    OutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A claimed delivery: everything its message needs. */
    public record Claimed(long id, String deliveryId, long campaignId, String memberOffice, int attempts, String prefix,
            String firstName, String lastName, String address1, @Nullable String address2, String city, String state,
            String zip, String email, String subject, String message, boolean edited) {
    }

    /**
     * Inserts the row once per idempotency key; its DeliveryId comes from its id. Empty
     * when already queued.
     */
    public Optional<Long> insert(QueuedLetter l) {
        return jdbc.sql("""
                with n as (select nextval(pg_get_serial_sequence('cwc_delivery', 'id')) as id)
                insert into cwc_delivery (id, delivery_id, idempotency_key, campaign_id, supporter_id, bioguide_id,
                    member_office, zip, state, district, prefix, first_name, last_name, address1, address2, city,
                    email, subject, message, edited)
                select n.id, upper(substr(md5(:key), 1, 16)) || lpad(n.id::text, 16, '0'), :key, :campaign,
                    :supporter, :bioguide, :office, :zip, :state, :district, :prefix, :first, :last, :a1, :a2,
                    :city, :email, :subject, :message, :edited
                from n
                on conflict (idempotency_key) do nothing
                returning id""")
            .param("key", l.idempotencyKey())
            .param("campaign", l.campaignId())
            .param("supporter", l.supporterId())
            .param("bioguide", l.bioguideId())
            .param("office", l.memberOffice())
            .param("zip", l.zip())
            .param("state", l.state())
            .param("district", l.district())
            .param("prefix", l.prefix())
            .param("first", l.firstName())
            .param("last", l.lastName())
            .param("a1", l.address1())
            .param("a2", l.address2())
            .param("city", l.city())
            .param("email", l.email())
            .param("subject", l.subject())
            .param("message", l.message())
            .param("edited", l.edited())
            .query(Long.class)
            .optional();
    }

    public Optional<Long> idForKey(String idempotencyKey) {
        return jdbc.sql("select id from cwc_delivery where idempotency_key = ?")
            .param(idempotencyKey)
            .query(Long.class)
            .optional();
    }

    /**
     * Takes the next ready delivery and marks it SENDING in one committed statement;
     * another sender skips it. Only PENDING rows are ever claimed, so a row is posted by
     * one sender, once per claim.
     */
    public Optional<Claimed> claimNext() {
        return jdbc.sql("""
                update cwc_delivery set status = 'SENDING', attempts = attempts + 1, sending_at = now(),
                    updated_at = now()
                where id = (select id from cwc_delivery where status = 'PENDING' and next_attempt_at <= now()
                            order by next_attempt_at, id limit 1 for update skip locked)
                returning id, delivery_id, campaign_id, member_office, attempts, prefix, first_name, last_name,
                    address1, address2, city, state, zip, email, subject, message, edited""")
            .query(OutboxStore::claimed)
            .optional();
    }

    private static Claimed claimed(ResultSet rs, int n) throws SQLException {
        return new Claimed(rs.getLong("id"), rs.getString("delivery_id"), rs.getLong("campaign_id"),
                rs.getString("member_office"), rs.getInt("attempts"), rs.getString("prefix"),
                rs.getString("first_name"), rs.getString("last_name"), rs.getString("address1"),
                rs.getString("address2"), rs.getString("city"), rs.getString("state"), rs.getString("zip"),
                rs.getString("email"), rs.getString("subject"), rs.getString("message"), rs.getBoolean("edited"));
    }

    public void markDelivered(long id) {
        jdbc.sql(
                "update cwc_delivery set status = 'DELIVERED', last_error = null, ended_at = now(), updated_at = now(), "
                        + ERASE + " where id = ? and status = 'SENDING'")
            .param(id)
            .update();
    }

    /** Refused for good: the server's words are kept, the address goes. */
    public void markRejected(long id, String errors) {
        jdbc.sql("update cwc_delivery set status = 'FAILED', retryable = false, last_error = ?, ended_at = now(), "
                + "updated_at = now(), " + ERASE + " where id = ? and status = 'SENDING'")
            .params(truncate(errors), id)
            .update();
    }

    /** A temporary failure: back to PENDING for a later try. */
    public void release(long id, String reason, Instant nextAttempt) {
        jdbc.sql("update cwc_delivery set status = 'PENDING', last_error = ?, next_attempt_at = ?, updated_at = now() "
                + "where id = ? and status = 'SENDING'")
            .params(truncate(reason), Timestamp.from(nextAttempt), id)
            .update();
    }

    /**
     * Temporary failures until the sender gave up: FAILED, and staff may retry it while
     * the address is held.
     */
    public void markGaveUp(long id, String reason) {
        jdbc.sql("update cwc_delivery set status = 'FAILED', retryable = true, last_error = ?, ended_at = now(), "
                + "updated_at = now() where id = ? and status = 'SENDING'")
            .params(truncate(reason), id)
            .update();
    }

    public void markInDoubt(long id, String reason) {
        jdbc.sql("update cwc_delivery set status = 'IN_DOUBT', last_error = ?, ended_at = now(), updated_at = now(), "
                + ERASE + " where id = ? and status = 'SENDING'")
            .params(truncate(reason), id)
            .update();
    }

    /**
     * SENDING rows whose sender stopped (a crash, a kill): in doubt, never sent again.
     */
    public int markAbandonedInDoubt(Duration staleAfter) {
        return jdbc
            .sql("update cwc_delivery set status = 'IN_DOUBT', last_error = ?, ended_at = now(), updated_at = now(), "
                    + ERASE + " where status = 'SENDING' and sending_at < now() - make_interval(secs => ?)")
            .params("The sender stopped while this letter was being sent; it may have arrived and is not sent again.",
                    (double) staleAfter.toSeconds())
            .update();
    }

    /**
     * The 30-day hold: any row still holding an address after that loses it; one never
     * sent (still PENDING, or FAILED and waiting for staff) fails for good.
     */
    public int eraseExpired(Duration holdFor) {
        return jdbc.sql("""
                update cwc_delivery set
                    status = case when status = 'PENDING' then 'FAILED' else status end,
                    last_error = case when status in ('PENDING', 'FAILED')
                        then 'Not delivered within the time we hold an address; the address was erased.'
                        else last_error end,
                    retryable = false, ended_at = coalesce(ended_at, now()), updated_at = now(),
                """ + ERASE + """
                where erased_at is null and status <> 'SENDING' and created_at < now() - make_interval(secs => ?)""")
            .param((double) holdFor.toSeconds())
            .update();
    }

    public Map<Long, DeliveryState> states(Collection<Long> ids) {
        Map<Long, DeliveryState> states = new HashMap<>();
        if (ids.isEmpty()) {
            return states;
        }
        jdbc.sql("select id, status from cwc_delivery where id in (:ids)")
            .param("ids", ids)
            .query((rs, n) -> states.put(rs.getLong("id"), DeliveryState.valueOf(rs.getString("status"))))
            .list();
        return states;
    }

    /** The campaign fields a message needs: CampaignId, topics, bills. */
    public record CampaignInfo(String slug, List<String> topics, List<BillRow> bills) {
    }

    public record BillRow(int congress, String type, int number) {
    }

    public CampaignInfo campaign(long campaignId) {
        String slug = jdbc.sql("select slug from campaign where id = ?").param(campaignId).query(String.class).single();
        List<String> topics = jdbc.sql("select topic from campaign_cwc_topic where campaign_id = ? order by topic")
            .param(campaignId)
            .query(String.class)
            .list();
        List<BillRow> bills = jdbc.sql("""
                select b.congress, b.bill_type, b.number from campaign_bill cb join bill b on b.id = cb.bill_id
                where cb.campaign_id = ? order by b.congress, b.bill_type, b.number""")
            .param(campaignId)
            .query((rs, n) -> new BillRow(rs.getInt("congress"), rs.getString("bill_type"), rs.getInt("number")))
            .list();
        return new CampaignInfo(slug, topics, bills);
    }

    static String truncate(@Nullable String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

}
