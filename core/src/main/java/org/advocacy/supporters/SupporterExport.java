package org.advocacy.supporters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.advocacy.staff.AuditLog;
import org.advocacy.supporters.SupporterSearch.Filter;
import org.hibernate.jpa.HibernateHints;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Supporters' data leaving the platform: the CSV export of a filtered list and the
 * subject-access export of one supporter. Both need ADMIN or ORGANIZER and are audited;
 * the audit entry records what was exported and how much, never the supporters' personal
 * details.
 */
@Service
@Transactional(readOnly = true)
public class SupporterExport {

    private static final String EXPORTERS = "hasAnyRole('ADMIN', 'ORGANIZER')";

    /**
     * Rows the database sends per round trip while the CSV streams; the whole list is
     * never in memory.
     */
    private static final int FETCH_SIZE = 500;

    private final EntityManager entityManager;

    private final SupporterSearch search;

    private final AuditLog audit;

    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    SupporterExport(EntityManager entityManager, SupporterSearch search, AuditLog audit) {
        this.entityManager = entityManager;
        this.search = search;
        this.audit = audit;
    }

    /**
     * Writes the matching supporters as CSV (UTF-8 text) and audits the export. Returns
     * the row count. One query streams the supporters with their action counts, however
     * many there are.
     */
    @Transactional
    @PreAuthorize(EXPORTERS)
    public int exportCsv(Filter filter, Writer out) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<Supporter> root = query.from(Supporter.class);
        Subquery<Long> actions = query.subquery(Long.class);
        Root<SupporterAction> action = actions.from(SupporterAction.class);
        actions.select(cb.count(action)).where(cb.equal(action.get("supporterId"), root.get("id")));
        query.multiselect(root, actions)
            .where(SupporterSearch.predicates(filter, cb, query, root))
            .orderBy(cb.desc(root.get("createdAt")), cb.desc(root.get("id")));
        int rows = 0;
        try (Stream<Tuple> matches = entityManager.createQuery(query)
            .setHint(HibernateHints.HINT_FETCH_SIZE, FETCH_SIZE)
            .setHint(HibernateHints.HINT_READ_ONLY, true)
            .getResultStream()) {
            out.write("id,name,email,zip,state,district,email_consent,joined,actions\r\n");
            for (Tuple match : (Iterable<Tuple>) matches::iterator) {
                Supporter s = match.get(0, Supporter.class);
                out.write(String.join(",", csv(String.valueOf(s.getId())), csv(s.getName()), csv(s.getEmail()),
                        csv(s.getZip()), csv(s.getState()),
                        csv(s.getDistrict() == null ? null : String.valueOf(s.getDistrict())),
                        csv(SupporterSearch.consentOf(s).name()), csv(s.getCreatedAt().toString()),
                        csv(String.valueOf(match.get(1, Long.class)))));
                out.write("\r\n");
                entityManager.detach(s);
                rows++;
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

    /**
     * Everything we hold about one supporter, as JSON, for a subject-access request.
     * Audited.
     */
    @Transactional
    @PreAuthorize(EXPORTERS)
    public String exportOne(long supporterId) {
        Supporter supporter = search.find(supporterId)
            .orElseThrow(() -> new IllegalArgumentException("This supporter no longer exists."));
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("id", supporter.getId());
        person.put("name", supporter.getName());
        person.put("email", supporter.getEmail());
        person.put("zip", supporter.getZip());
        person.put("state", supporter.getState());
        person.put("district", supporter.getDistrict());
        person.put("emailConsent", SupporterSearch.consentOf(supporter).name());
        person.put("consentRequestedAt", text(supporter.getConsentRequestedAt()));
        person.put("consentConfirmedAt", text(supporter.getConsentConfirmedAt()));
        person.put("unsubscribedAt", text(supporter.getUnsubscribedAt()));
        person.put("createdAt", text(supporter.getCreatedAt()));
        data.put("supporter", person);
        List<Map<String, Object>> actions = new ArrayList<>();
        for (SupporterAction action : search.actions(supporterId)) {
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
        for (MeetingRequest meeting : search.meetingRequests(supporterId)) {
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

    /**
     * One CSV cell: quoted, and defused when a spreadsheet would read it as a formula.
     */
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
