package org.advocacy.supporters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.advocacy.staff.AuditLog;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's view of supporters: search, history, figures for the dashboard, CSV export and
 * privacy requests. Export and erasure need ADMIN or ORGANIZER and are audited; the audit entry
 * records what was done and how much, never the supporter's personal details.
 */
@Service
@Transactional(readOnly = true)
public class SupporterDirectory {

    private static final String READERS = "hasAnyRole('ADMIN', 'ORGANIZER', 'VIEWER')";
    private static final String EXPORTERS = "hasAnyRole('ADMIN', 'ORGANIZER')";
    private static final int EXPORT_PAGE = 500;

    private final EntityManager entityManager;
    private final AuditLog audit;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    SupporterDirectory(EntityManager entityManager, AuditLog audit) {
        this.entityManager = entityManager;
        this.audit = audit;
    }

    /** Email-consent states staff filter on. */
    public enum ConsentState {
        /** Confirmed and not unsubscribed: we may email them. */
        SUBSCRIBED,
        /** Asked for updates, has not confirmed yet. */
        AWAITING_CONFIRMATION,
        /** Never asked, or unsubscribed. */
        NOT_SUBSCRIBED
    }

    /** Filters for the supporter grid and the CSV export; every part is optional. */
    public record Filter(@Nullable String text, @Nullable Long campaignId, @Nullable String state,
                         @Nullable Integer district, @Nullable ActionType actionType, @Nullable ConsentState consent) {

        public static final Filter NONE = new Filter(null, null, null, null, null, null);
    }

    @PreAuthorize(READERS)
    public List<Supporter> search(Filter filter, int offset, int limit) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Supporter> query = cb.createQuery(Supporter.class);
        Root<Supporter> root = query.from(Supporter.class);
        query.where(predicates(filter, cb, query, root)).orderBy(cb.desc(root.get("createdAt")), cb.desc(root.get("id")));
        return entityManager.createQuery(query).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @PreAuthorize(READERS)
    public long count(Filter filter) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<Supporter> root = query.from(Supporter.class);
        query.select(cb.count(root)).where(predicates(filter, cb, query, root));
        return entityManager.createQuery(query).getSingleResult();
    }

    @PreAuthorize(READERS)
    public Optional<Supporter> find(long supporterId) {
        return Optional.ofNullable(entityManager.find(Supporter.class, supporterId));
    }

    /** A supporter's actions, latest first. */
    @PreAuthorize(READERS)
    public List<SupporterAction> actions(long supporterId) {
        return entityManager.createQuery("select a from SupporterAction a where a.supporterId = :id "
                        + "order by a.occurredAt desc, a.id desc", SupporterAction.class)
                .setParameter("id", supporterId).getResultList();
    }

    @PreAuthorize(READERS)
    public List<MeetingRequest> meetingRequests(long supporterId) {
        return entityManager.createQuery("select m from MeetingRequest m where m.supporterId = :id "
                        + "order by m.createdAt desc", MeetingRequest.class)
                .setParameter("id", supporterId).getResultList();
    }

    /** Writes the matching supporters as CSV (UTF-8 text) and audits the export. Returns the row count. */
    @Transactional
    @PreAuthorize(EXPORTERS)
    public int exportCsv(Filter filter, Writer out) {
        int rows = 0;
        try {
            out.write("id,name,email,zip,state,district,email_consent,joined,actions\r\n");
            for (int offset = 0; ; offset += EXPORT_PAGE) {
                List<Supporter> page = search(filter, offset, EXPORT_PAGE);
                for (Supporter s : page) {
                    out.write(String.join(",", csv(String.valueOf(s.getId())), csv(s.getName()), csv(s.getEmail()),
                            csv(s.getZip()), csv(s.getState()),
                            csv(s.getDistrict() == null ? null : String.valueOf(s.getDistrict())),
                            csv(consentOf(s).name()), csv(s.getCreatedAt().toString()),
                            csv(String.valueOf(countActions(s.getId())))));
                    out.write("\r\n");
                    rows++;
                }
                entityManager.clear();
                if (page.size() < EXPORT_PAGE) {
                    break;
                }
            }
            out.flush();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("rows", rows);
        after.put("filter", filterDescription(filter));
        audit.record("supporters.export-csv", "Supporter", null, null, after);
        return rows;
    }

    /** Everything we hold about one supporter, as JSON, for a subject-access request. Audited. */
    @Transactional
    @PreAuthorize(EXPORTERS)
    public String exportOne(long supporterId) {
        Supporter supporter = get(supporterId);
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("id", supporter.getId());
        person.put("name", supporter.getName());
        person.put("email", supporter.getEmail());
        person.put("zip", supporter.getZip());
        person.put("state", supporter.getState());
        person.put("district", supporter.getDistrict());
        person.put("emailConsent", consentOf(supporter).name());
        person.put("consentRequestedAt", text(supporter.getConsentRequestedAt()));
        person.put("consentConfirmedAt", text(supporter.getConsentConfirmedAt()));
        person.put("unsubscribedAt", text(supporter.getUnsubscribedAt()));
        person.put("createdAt", text(supporter.getCreatedAt()));
        data.put("supporter", person);
        List<Map<String, Object>> actions = new ArrayList<>();
        for (SupporterAction action : actions(supporterId)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("occurredAt", text(action.getOccurredAt()));
            row.put("campaignId", action.getCampaignId());
            row.put("type", action.getType().name());
            row.put("legislator", action.getBioguideId());
            row.put("deliveryMethod", action.getDeliveryMethod() == null ? null : action.getDeliveryMethod().name());
            row.put("outcome", action.getOutcome() == null ? null : action.getOutcome().name());
            row.put("state", action.getState());
            row.put("district", action.getDistrict());
            actions.add(row);
        }
        data.put("actions", actions);
        List<Map<String, Object>> meetings = new ArrayList<>();
        for (MeetingRequest meeting : meetingRequests(supporterId)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("createdAt", text(meeting.getCreatedAt()));
            row.put("campaignId", meeting.getCampaignId());
            row.put("legislator", meeting.getBioguideId());
            row.put("name", meeting.getName());
            row.put("email", meeting.getEmail());
            row.put("phone", meeting.getPhone());
            row.put("organisation", meeting.getOrganisation());
            row.put("preferredDates", meeting.getPreferredDates());
            row.put("topic", meeting.getTopic());
            row.put("status", meeting.getStatus().name());
            meetings.add(row);
        }
        data.put("meetingRequests", meetings);
        audit.record("supporter.export", "Supporter", supporterId, null,
                Map.of("actions", actions.size(), "meetingRequests", meetings.size()));
        return json.writeValueAsString(data);
    }

    /**
     * Erases a supporter: their meeting requests lose their personal details, the supporter row
     * is deleted and their actions stay, with no link to anyone, so they still count. Unconfirmed
     * visits that gave their address go too (the database cascades the rows), and so do the details
     * of those visits' meeting requests, which carry the address.
     */
    @Transactional
    @PreAuthorize(EXPORTERS)
    public void erase(long supporterId) {
        Supporter supporter = get(supporterId);
        long actionCount = countActions(supporterId);
        List<MeetingRequest> meetings = meetingRequests(supporterId);
        meetings.forEach(MeetingRequest::anonymise);
        entityManager.createQuery("select m from MeetingRequest m where m.supporterId in "
                        + "(select s.id from Supporter s where s.claimsSupporterId = :id)", MeetingRequest.class)
                .setParameter("id", supporterId).getResultList().forEach(MeetingRequest::anonymise);
        entityManager.remove(supporter);
        entityManager.flush();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("actions", actionCount);
        before.put("meetingRequests", meetings.size());
        audit.record("supporter.erase", "Supporter", supporterId, before, Map.of("erased", true));
    }

    // Figures for the dashboard --------------------------------------------------------------

    /** Counts of one label, e.g. actions of one type. */
    public record Tally(String label, long count) {
    }

    /** Actions on one day. */
    public record DailyCount(LocalDate day, long count) {
    }

    /** Sign-ups and how many confirmed their email. */
    public record SignupFigures(long supporters, long askedForUpdates, long confirmed) {

        /** Confirmed share of those who asked, 0..1; 0 when nobody asked. */
        public double confirmationRate() {
            return askedForUpdates == 0 ? 0 : (double) confirmed / askedForUpdates;
        }
    }

    /** Actions per day from {@code from} to {@code to} inclusive (UTC days), with zero days filled in. */
    @PreAuthorize(READERS)
    public List<DailyCount> actionsPerDay(LocalDate from, LocalDate to) {
        Map<LocalDate, Long> counts = new LinkedHashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            counts.put(day, 0L);
        }
        List<?> rows = entityManager.createNativeQuery("select cast(occurred_at at time zone 'UTC' as date) as day, count(*) "
                        + "from supporter_action where occurred_at >= :from and occurred_at < :to group by 1")
                .setParameter("from", Timestamp.from(start(from)))
                .setParameter("to", Timestamp.from(start(to.plusDays(1))))
                .getResultList();
        for (Object row : rows) {
            Object[] cells = (Object[]) row;
            LocalDate day = cells[0] instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) cells[0];
            counts.put(day, ((Number) cells[1]).longValue());
        }
        return counts.entrySet().stream().map(e -> new DailyCount(e.getKey(), e.getValue())).toList();
    }

    @PreAuthorize(READERS)
    public List<Tally> actionsByType(LocalDate from, LocalDate to) {
        return tallies("select action_type, count(*) from supporter_action where occurred_at >= :from "
                + "and occurred_at < :to group by action_type order by 2 desc, 1", from, to);
    }

    @PreAuthorize(READERS)
    public List<Tally> actionsByState(LocalDate from, LocalDate to) {
        return tallies("select state, count(*) from supporter_action where state is not null and occurred_at >= :from "
                + "and occurred_at < :to group by state order by 2 desc, 1", from, to);
    }

    /** The legislators that supporters' actions were addressed to most, as bioguide ids with counts. */
    @PreAuthorize(READERS)
    public List<Tally> mostContactedLegislators(LocalDate from, LocalDate to, int limit) {
        return tallies("select bioguide_id, count(*) from supporter_action where bioguide_id is not null "
                + "and occurred_at >= :from and occurred_at < :to group by bioguide_id order by 2 desc, 1 limit "
                + Math.max(1, Math.min(limit, 100)), from, to);
    }

    @PreAuthorize(READERS)
    public SignupFigures signupFigures() {
        // Unconfirmed visits that gave an address we already hold are not other people (see countSupporters).
        Object[] row = (Object[]) entityManager.createNativeQuery("select count(*), "
                + "count(*) filter (where consent_requested_at is not null), "
                + "count(*) filter (where consent_confirmed_at is not null) from supporter "
                + "where claims_supporter_id is null").getSingleResult();
        return new SignupFigures(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue());
    }

    /** Actions per campaign, to show progress toward each campaign's goal. */
    @PreAuthorize(READERS)
    public Map<Long, Long> actionsPerCampaign() {
        Map<Long, Long> counts = new LinkedHashMap<>();
        for (Object row : entityManager.createNativeQuery(
                "select campaign_id, count(*) from supporter_action group by campaign_id").getResultList()) {
            Object[] cells = (Object[]) row;
            counts.put(((Number) cells[0]).longValue(), ((Number) cells[1]).longValue());
        }
        return counts;
    }

    private List<Tally> tallies(String sql, LocalDate from, LocalDate to) {
        return toTallies(entityManager.createNativeQuery(sql)
                .setParameter("from", Timestamp.from(start(from)))
                .setParameter("to", Timestamp.from(start(to.plusDays(1))))
                .getResultList());
    }

    private static List<Tally> toTallies(List<?> rows) {
        return rows.stream().map(row -> (Object[]) row)
                .map(cells -> new Tally(String.valueOf(cells[0]), ((Number) cells[1]).longValue()))
                .toList();
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    // Helpers --------------------------------------------------------------------------------

    private Predicate[] predicates(Filter filter, CriteriaBuilder cb, CriteriaQuery<?> query, Root<Supporter> root) {
        List<Predicate> predicates = new ArrayList<>();
        if (filter.text() != null && !filter.text().isBlank()) {
            String pattern = "%" + filter.text().strip().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            predicates.add(cb.or(cb.like(cb.lower(root.get("name")), pattern, '\\'),
                    cb.like(cb.lower(root.get("email")), pattern, '\\'),
                    cb.like(root.get("zip"), pattern, '\\')));
        }
        if (filter.state() != null && !filter.state().isBlank()) {
            predicates.add(cb.equal(root.get("state"), filter.state()));
        }
        if (filter.district() != null) {
            predicates.add(cb.equal(root.get("district"), filter.district()));
        }
        if (filter.campaignId() != null || filter.actionType() != null) {
            Subquery<Long> acted = query.subquery(Long.class);
            Root<SupporterAction> action = acted.from(SupporterAction.class);
            List<Predicate> conditions = new ArrayList<>();
            conditions.add(cb.equal(action.get("supporterId"), root.get("id")));
            if (filter.campaignId() != null) {
                conditions.add(cb.equal(action.get("campaignId"), filter.campaignId()));
            }
            if (filter.actionType() != null) {
                conditions.add(cb.equal(action.get("type"), filter.actionType()));
            }
            acted.select(action.get("id")).where(conditions.toArray(Predicate[]::new));
            predicates.add(cb.exists(acted));
        }
        if (filter.consent() != null) {
            Predicate subscribed = cb.isTrue(root.get("subscribedInDatabase"));
            Predicate awaiting = cb.and(cb.isFalse(root.get("emailConsent")), cb.isNotNull(root.get("confirmationToken")));
            predicates.add(switch (filter.consent()) {
                case SUBSCRIBED -> subscribed;
                case AWAITING_CONFIRMATION -> awaiting;
                case NOT_SUBSCRIBED -> cb.and(cb.not(subscribed), cb.not(awaiting));
            });
        }
        return predicates.toArray(Predicate[]::new);
    }

    public static ConsentState consentOf(Supporter supporter) {
        if (supporter.isSubscribed()) {
            return ConsentState.SUBSCRIBED;
        }
        return !supporter.isEmailConsent() && supporter.getConfirmationToken() != null
                ? ConsentState.AWAITING_CONFIRMATION : ConsentState.NOT_SUBSCRIBED;
    }

    private long countActions(long supporterId) {
        return entityManager.createQuery("select count(a) from SupporterAction a where a.supporterId = :id", Long.class)
                .setParameter("id", supporterId).getSingleResult();
    }

    private Supporter get(long supporterId) {
        Supporter supporter = entityManager.find(Supporter.class, supporterId);
        if (supporter == null) {
            throw new IllegalArgumentException("This supporter no longer exists.");
        }
        return supporter;
    }

    private static @Nullable String text(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String filterDescription(Filter filter) {
        List<String> parts = new ArrayList<>();
        if (filter.text() != null && !filter.text().isBlank()) {
            parts.add("search");
        }
        if (filter.campaignId() != null) {
            parts.add("campaign=" + filter.campaignId());
        }
        if (filter.state() != null) {
            parts.add("state=" + filter.state());
        }
        if (filter.district() != null) {
            parts.add("district=" + filter.district());
        }
        if (filter.actionType() != null) {
            parts.add("action=" + filter.actionType());
        }
        if (filter.consent() != null) {
            parts.add("consent=" + filter.consent());
        }
        return parts.isEmpty() ? "all" : String.join(" ", parts);
    }

    /** One CSV cell: quoted, and defused when a spreadsheet would read it as a formula. */
    static String csv(@Nullable String value) {
        if (value == null) {
            return "";
        }
        String cell = value;
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            cell = "'" + cell;
        }
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }
}
