package org.advocacy.cwc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.advocacy.staff.AuditLog;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff view of CWC deliveries: counts by state per campaign and per office, the
 * failures and in-doubt letters with the CWC service's own words, and the two things
 * staff may do about them, each audited: send a temporarily failed letter again, and
 * record that an in-doubt letter did arrive (after checking with the office).
 */
@Service
public class CwcDeliveries {

    private static final String STAFF = "hasAnyRole('ADMIN', 'ORGANIZER', 'VIEWER')";

    private static final String EDITORS = "hasAnyRole('ADMIN', 'ORGANIZER')";

    private final JdbcClient jdbc;

    private final AuditLog audit;

    CwcDeliveries(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Counts by state; {@code label} names the campaign or office the row is about. */
    public record Counts(String key, String label, long pending, long sending, long delivered, long failed,
            long inDoubt) {
        public long total() {
            return pending + sending + delivered + failed + inDoubt;
        }
    }

    /** One letter that needs attention. */
    public record Problem(long id, String campaign, String member, String office, DeliveryState state,
            boolean retryable, boolean addressHeld, int attempts, @Nullable String error, Instant createdAt,
            @Nullable Instant endedAt) {
        public boolean canRetry() {
            return state == DeliveryState.FAILED && retryable && addressHeld;
        }
    }

    private static final String COUNTS = """
            count(*) filter (where d.status = 'PENDING') as pending,
            count(*) filter (where d.status = 'SENDING') as sending,
            count(*) filter (where d.status = 'DELIVERED') as delivered,
            count(*) filter (where d.status = 'FAILED') as failed,
            count(*) filter (where d.status = 'IN_DOUBT') as in_doubt""";

    @Transactional(readOnly = true)
    @PreAuthorize(STAFF)
    public List<Counts> byCampaign() {
        return jdbc.sql("select c.slug as key, c.title as label, " + COUNTS + """
                 from cwc_delivery d join campaign c on c.id = d.campaign_id
                group by c.slug, c.title order by c.title""").query(CwcDeliveries::counts).list();
    }

    /** Per office, for one campaign or all ({@code campaignSlug} null). */
    @Transactional(readOnly = true)
    @PreAuthorize(STAFF)
    public List<Counts> byOffice(@Nullable String campaignSlug) {
        return jdbc.sql("select d.member_office as key, " + MEMBER + " as label, " + COUNTS + """
                 from cwc_delivery d join campaign c on c.id = d.campaign_id
                join legislator l on l.bioguide_id = d.bioguide_id
                where (cast(:slug as text) is null or c.slug = :slug)
                group by d.member_office, label order by d.member_office""")
            .param("slug", campaignSlug)
            .query(CwcDeliveries::counts)
            .list();
    }

    private static final String MEMBER = """
            (case when l.chamber = 'SENATE' then 'Sen. ' else 'Rep. ' end) || coalesce(l.official_name,
            l.first_name || ' ' || l.last_name)""";

    /**
     * Failed and in-doubt letters, newest first, optionally for one campaign and office.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(STAFF)
    public List<Problem> problems(@Nullable String campaignSlug, @Nullable String office, int offset, int limit) {
        return jdbc.sql("select d.id, c.title as campaign, " + MEMBER + """
                 as member, d.member_office, d.status, d.retryable, d.erased_at is null as address_held,
                d.attempts, d.last_error, d.created_at, d.ended_at
                from cwc_delivery d join campaign c on c.id = d.campaign_id
                join legislator l on l.bioguide_id = d.bioguide_id
                where d.status in ('FAILED', 'IN_DOUBT')
                  and (cast(:slug as text) is null or c.slug = :slug)
                  and (cast(:office as text) is null or d.member_office = :office)
                order by d.id desc offset :offset limit :limit""")
            .param("slug", campaignSlug)
            .param("office", office)
            .param("offset", offset)
            .param("limit", limit)
            .query((rs, n) -> new Problem(rs.getLong("id"), rs.getString("campaign"), rs.getString("member"),
                    rs.getString("member_office"), DeliveryState.valueOf(rs.getString("status")),
                    rs.getBoolean("retryable"), rs.getBoolean("address_held"), rs.getInt("attempts"),
                    rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("ended_at") == null ? null : rs.getTimestamp("ended_at").toInstant()))
            .list();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(STAFF)
    public int countProblems(@Nullable String campaignSlug, @Nullable String office) {
        return jdbc.sql("""
                select count(*) from cwc_delivery d join campaign c on c.id = d.campaign_id
                where d.status in ('FAILED', 'IN_DOUBT')
                  and (cast(:slug as text) is null or c.slug = :slug)
                  and (cast(:office as text) is null or d.member_office = :office)""")
            .param("slug", campaignSlug)
            .param("office", office)
            .query(Integer.class)
            .single();
    }

    /**
     * Sends a letter again that failed only because the service kept being unavailable.
     */
    @Transactional
    @PreAuthorize(EDITORS)
    public void retry(long id) {
        int changed = jdbc.sql("""
                update cwc_delivery set status = 'PENDING', attempts = 0, next_attempt_at = now(), ended_at = null,
                    updated_at = now()
                where id = ? and status = 'FAILED' and retryable and erased_at is null""").param(id).update();
        if (changed == 0) {
            throw new IllegalStateException("This letter cannot be sent again: only letters that failed because the "
                    + "service was unavailable, and whose address we still hold, can be.");
        }
        audit.record("cwc.delivery.retried", "CwcDelivery", id, Map.of("status", "FAILED"),
                Map.of("status", "PENDING"));
    }

    /**
     * Records that an in-doubt letter did reach the office (staff checked with it); it is
     * never sent again.
     */
    @Transactional
    @PreAuthorize(EDITORS)
    public void markDeliveredByHand(long id) {
        int changed = jdbc.sql("""
                update cwc_delivery set status = 'DELIVERED', handled_by = ?, updated_at = now()
                where id = ? and status = 'IN_DOUBT'""").params(actor(), id).update();
        if (changed == 0) {
            throw new IllegalStateException("Only a letter in doubt can be marked as delivered.");
        }
        audit.record("cwc.delivery.marked-delivered", "CwcDelivery", id, Map.of("status", "IN_DOUBT"),
                Map.of("status", "DELIVERED", "by", "hand"));
    }

    /**
     * The Library of Congress topics a campaign's messages carry (none chosen:
     * "Government Operations and Politics").
     */
    @Transactional(readOnly = true)
    @PreAuthorize(STAFF)
    public List<String> topics(String campaignSlug) {
        return jdbc.sql("""
                select t.topic from campaign_cwc_topic t join campaign c on c.id = t.campaign_id
                where c.slug = ? order by t.topic""").param(campaignSlug).query(String.class).list();
    }

    @Transactional
    @PreAuthorize(EDITORS)
    public void chooseTopics(String campaignSlug, Collection<String> topics) {
        if (topics.isEmpty() || !CwcVocabulary.TOPICS.containsAll(topics)) {
            throw new IllegalArgumentException("Choose one or more topics from the Library of Congress list.");
        }
        Long campaign = jdbc.sql("select id from campaign where slug = ?")
            .param(campaignSlug)
            .query(Long.class)
            .optional()
            .orElseThrow(() -> new IllegalArgumentException("There is no such campaign."));
        List<String> before = topics(campaignSlug);
        jdbc.sql("delete from campaign_cwc_topic where campaign_id = ?").param(campaign).update();
        for (String topic : topics) {
            jdbc.sql("insert into campaign_cwc_topic (campaign_id, topic) values (?, ?)")
                .params(campaign, topic)
                .update();
        }
        audit.record("cwc.topics.chosen", "Campaign", campaign, Map.of("topics", before),
                Map.of("topics", List.copyOf(topics)));
    }

    /**
     * Letters delivered through CWC versus letters prepared for the supporter to send,
     * from {@code since}.
     */
    public record LetterFigures(long delivered, long queued, long notDelivered, long prepared) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize(STAFF)
    public LetterFigures letterFigures(@Nullable String bioguideId, @Nullable LocalDate from, @Nullable LocalDate to) {
        Instant start = from == null ? Instant.EPOCH : from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to == null ? Instant.parse("9999-01-01T00:00:00Z")
                : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return jdbc
            .sql("""
                    select
                      (select count(*) from cwc_delivery d where d.status = 'DELIVERED' %1$s and d.created_at >= :start and d.created_at < :end) as delivered,
                      (select count(*) from cwc_delivery d where d.status in ('PENDING', 'SENDING') %1$s and d.created_at >= :start and d.created_at < :end) as queued,
                      (select count(*) from cwc_delivery d where d.status in ('FAILED', 'IN_DOUBT') %1$s and d.created_at >= :start and d.created_at < :end) as not_delivered,
                      (select count(*) from supporter_action d where d.action_type = 'LETTER' and d.delivery_method is distinct from 'CWC' %1$s and d.occurred_at >= :start and d.occurred_at < :end) as prepared"""
                .formatted(bioguideId == null ? "" : "and d.bioguide_id = :bioguide"))
            .param("start", Timestamp.from(start))
            .param("end", Timestamp.from(end))
            .params(bioguideId == null ? Map.<String, Object>of() : Map.<String, Object>of("bioguide", bioguideId))
            .query((rs, n) -> new LetterFigures(rs.getLong("delivered"), rs.getLong("queued"),
                    rs.getLong("not_delivered"), rs.getLong("prepared")))
            .single();
    }

    private static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }

    private static Counts counts(ResultSet rs, int n) throws SQLException {
        return new Counts(rs.getString("key"), rs.getString("label"), rs.getLong("pending"), rs.getLong("sending"),
                rs.getLong("delivered"), rs.getLong("failed"), rs.getLong("in_doubt"));
    }

}
