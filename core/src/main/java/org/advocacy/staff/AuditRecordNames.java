package org.advocacy.staff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The names staff know records by ("Trafficking Survivors Relief Act", not "Campaign
 * #2"), looked up when the audit log is read, one query per record type on the page.
 * Looked up, not stored: a supporter erased since is no longer named. A removed record is
 * named from its last audited state when that carried a title.
 */
@Component
class AuditRecordNames {

    private static final Map<String, String> QUERIES = Map.of("Campaign",
            "select id::text, title from campaign where id::text in (:ids)", "ToolkitResource",
            "select id::text, title from toolkit_resource where id::text in (:ids)", "Story",
            "select id::text, title from story where id::text in (:ids)", "Reminder",
            "select id::text, subject from reminder where id::text in (:ids)", "StaffUser",
            "select id::text, display_name || ' (' || email || ')' from staff_user where id::text in (:ids)",
            "Supporter", "select id::text, name from supporter where id::text in (:ids)", "Bill", """
                    select id::text, case bill_type when 'HR' then 'H.R.' when 'S' then 'S.' when 'HRES' then 'H.Res.'
                        when 'SRES' then 'S.Res.' when 'HJRES' then 'H.J.Res.' when 'SJRES' then 'S.J.Res.'
                        when 'HCONRES' then 'H.Con.Res.' else 'S.Con.Res.' end || ' ' || number || ' ' || short_title
                    from bill where id::text in (:ids)""", "MeetingRequest",
            """
                    select m.id::text, 'Meeting with ' || coalesce(l.official_name, l.first_name || ' ' || l.last_name)
                    from meeting_request m join legislator l on l.bioguide_id = m.bioguide_id where m.id::text in (:ids)""",
            "LegislatorStance", """
                    select b.id || '/' || l.bioguide_id, coalesce(l.official_name, l.first_name || ' ' || l.last_name)
                        || ' on ' || b.short_title
                    from bill b cross join legislator l where b.id || '/' || l.bioguide_id in (:ids)""");

    /**
     * Types whose old states may name a person who has since been erased: never named
     * from the audit JSON.
     */
    private static final Set<String> PERSONAL = Set.of("Supporter", "MeetingRequest");

    private final JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    AuditRecordNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The name of each event's record, by event id; events without a record are left out.
     */
    Map<Long, String> names(Collection<AuditEvent> events) {
        Map<String, List<AuditEvent>> byType = events.stream()
            .filter(e -> e.getEntityId() != null)
            .collect(Collectors.groupingBy(AuditEvent::getEntityType));
        Map<Long, String> names = new HashMap<>();
        byType.forEach((type, ofType) -> {
            Map<String, String> found = lookUp(type, ofType.stream().map(AuditEvent::getEntityId).distinct().toList());
            for (AuditEvent event : ofType) {
                String name = found.get(event.getEntityId());
                if (name == null) {
                    name = fromState(type, event);
                }
                names.put(event.getId(), name == null ? typeWords(type) + " (no longer exists)" : name);
            }
        });
        return names;
    }

    private Map<String, String> lookUp(String type, List<@Nullable String> ids) {
        if ("Job".equals(type)) {
            Map<String, String> jobs = new HashMap<>();
            ids.forEach(id -> jobs.put(id, jobWords(id)));
            return jobs;
        }
        String query = QUERIES.get(type);
        if (query == null || ids.isEmpty()) {
            return Map.of();
        }
        Map<String, String> found = new HashMap<>();
        jdbc.sql(query)
            .param("ids", new ArrayList<>(ids))
            .query((rs, row) -> found.put(rs.getString(1), rs.getString(2)))
            .list();
        return found;
    }

    private @Nullable String fromState(String type, AuditEvent event) {
        if (PERSONAL.contains(type)) {
            return null;
        }
        for (String state : new String[] { event.getAfterState(), event.getBeforeState() }) {
            if (state == null) {
                continue;
            }
            JsonNode node = json.readTree(state);
            for (String field : List.of("title", "shortTitle", "subject", "name", "displayName")) {
                if (node.path(field).isString() && !node.path(field).asString().isBlank()) {
                    return node.path(field).asString();
                }
            }
        }
        return null;
    }

    /** "ToolkitResource" → "Toolkit resource". */
    static String typeWords(String type) {
        String words = type.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** "bill-status-sync" → "Bill status sync". */
    static String jobWords(@Nullable String job) {
        String words = job == null ? "" : job.replace('-', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

}
