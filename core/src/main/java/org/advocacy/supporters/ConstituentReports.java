package org.advocacy.supporters;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.advocacy.legislators.Chamber;
import org.advocacy.legislators.Legislator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The constituent report staff print for a meeting with a member's office. It counts only
 * actions aimed at that member (a letter to each of three legislators is three actions,
 * one per office) by people in the member's state (Senate) or district (House), and the
 * distinct people who took them.
 */
@Service
public class ConstituentReports {

    /**
     * The action types aimed at a member's office, in the order the report lists them.
     */
    static final List<ActionType> AIMED_AT_MEMBERS = List.of(ActionType.LETTER, ActionType.CALL,
            ActionType.MEETING_REQUEST);

    private final JdbcClient jdbc;

    ConstituentReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One kind of action in the report: how many were aimed at the member and by how many
     * people (someone who did it twice counts once). Letters are split into those
     * delivered into the office through Communicating with Congress and those prepared
     * for the supporter to send themselves.
     */
    public record Line(ActionType type, long actions, long people, long throughCwc, long prepared) {
    }

    /**
     * The whole report. {@code people} counts each person once across every type.
     * {@code actionsByErasedPeople} are actions whose person has since been erased at
     * their request: they count as actions, but cannot be told apart as people, so no
     * person is counted for them.
     */
    public record ConstituentReport(List<Line> lines, long actions, long people, long actionsByErasedPeople) {

        public Line line(ActionType type) {
            return lines.stream().filter(l -> l.type() == type).findFirst().orElseThrow();
        }
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER', 'VIEWER')")
    public ConstituentReport constituentReport(Legislator legislator, LocalDate from, LocalDate to) {
        boolean house = legislator.getChamber() == Chamber.HOUSE && legislator.getDistrict() != null;
        String aimed = "from supporter_action where bioguide_id = :member and state = :state"
                + (house ? " and district = :district" : "")
                + " and action_type in ('LETTER', 'CALL', 'MEETING_REQUEST') and occurred_at >= :from and occurred_at < :to";
        Map<String, Object> parameters = new HashMap<>(Map.of("member", legislator.getBioguideId(), "state",
                legislator.getState(), "from", Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()), "to",
                Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())));
        if (house) {
            parameters.put("district", legislator.getDistrict());
        }
        Map<String, Line> byType = new HashMap<>();
        jdbc.sql("select action_type, count(*) as actions, count(distinct supporter_id) as people, "
                + "count(*) filter (where delivery_method = 'CWC') as cwc " + aimed + " group by action_type")
            .params(parameters)
            .query((rs, n) -> {
                long actions = rs.getLong("actions");
                long cwc = rs.getLong("cwc");
                String type = rs.getString("action_type");
                boolean letter = ActionType.LETTER.name().equals(type);
                return new Line(ActionType.valueOf(type), actions, rs.getLong("people"), letter ? cwc : 0,
                        letter ? actions - cwc : 0);
            })
            .list()
            .forEach(line -> byType.put(line.type().name(), line));
        List<Line> lines = AIMED_AT_MEMBERS.stream()
            .map(type -> byType.getOrDefault(type.name(), new Line(type, 0, 0, 0, 0)))
            .toList();
        return jdbc
            .sql("select count(*) as actions, count(distinct supporter_id) as people, "
                    + "count(*) filter (where supporter_id is null) as erased " + aimed)
            .params(parameters)
            .query((rs, n) -> new ConstituentReport(lines, rs.getLong("actions"), rs.getLong("people"),
                    rs.getLong("erased")))
            .single();
    }

}
