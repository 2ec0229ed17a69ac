package org.advocacy.supporters.internal;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Appends supporter actions, one statement each, in the caller's transaction. Plain JDBC
 * because this is the hot path of every action post: Hibernate's native-query machinery
 * (result-set mapping, metadata) cost more than the insert itself. Every parameter
 * carries its SQL type, so a null never makes the driver ask the server for one.
 */
@Repository
public class ActionLog {

    private final JdbcClient jdbc;

    ActionLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts unless the key was recorded before (a double submit); returns the new row's
     * id, or empty. A supporter row deleted meanwhile (a visit merged into the supporter
     * it confirmed it was, or erased) is recorded as no one rather than failing the post.
     */
    public Optional<Long> insertOnce(@Nullable Long supporterId, long campaignId, String type,
            @Nullable String bioguideId, @Nullable String deliveryMethod, @Nullable String outcome,
            @Nullable String state, @Nullable Integer district, Instant occurredAt, String idempotencyKey) {
        return jdbc
            .sql("""
                    insert into supporter_action (supporter_id, campaign_id, action_type, bioguide_id, delivery_method,
                                                  outcome, state, district, occurred_at, idempotency_key)
                    values ((select s.id from supporter s where s.id = :supporterId), :campaignId, :type, :bioguideId, :deliveryMethod, :outcome, :state,
                            :district, :occurredAt, :idempotencyKey)
                    on conflict (idempotency_key) do nothing
                    returning id""")
            .param("supporterId", supporterId, Types.BIGINT)
            .param("campaignId", campaignId, Types.BIGINT)
            .param("type", type, Types.VARCHAR)
            .param("bioguideId", bioguideId, Types.VARCHAR)
            .param("deliveryMethod", deliveryMethod, Types.VARCHAR)
            .param("outcome", outcome, Types.VARCHAR)
            .param("state", state, Types.VARCHAR)
            .param("district", district, Types.INTEGER)
            .param("occurredAt", OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE)
            .param("idempotencyKey", idempotencyKey, Types.VARCHAR)
            .query(Long.class)
            .optional();
    }

    /**
     * Whether the supporter's row is still there (it goes when the supporter is erased or
     * a visit is merged).
     */
    public boolean supporterExists(long supporterId) {
        return jdbc.sql("select exists (select 1 from supporter where id = :id)")
            .param("id", supporterId, Types.BIGINT)
            .query(Boolean.class)
            .single();
    }

    /** Stores the seat a supporter acted from, writing only when it changed. */
    public void settleSeat(long supporterId, String state, int district) {
        jdbc.sql("""
                update supporter set state = :state, district = :district, updated_at = now()
                where id = :id and (state is distinct from :state or district is distinct from :district)""")
            .param("id", supporterId, Types.BIGINT)
            .param("state", state, Types.VARCHAR)
            .param("district", district, Types.INTEGER)
            .update();
    }

    /**
     * Moves a confirmed visit's actions and meeting requests to the supporter it turned
     * out to be.
     */
    public void reassign(long fromSupporterId, long toSupporterId) {
        for (String table : new String[] { "supporter_action", "meeting_request" }) {
            jdbc.sql("update " + table + " set supporter_id = :to where supporter_id = :from")
                .param("from", fromSupporterId, Types.BIGINT)
                .param("to", toSupporterId, Types.BIGINT)
                .update();
        }
    }

}
