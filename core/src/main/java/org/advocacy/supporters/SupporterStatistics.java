package org.advocacy.supporters;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures about supporters and their actions for the console's dashboard and campaign
 * list. Every staff role reads them.
 */
@Service
@Transactional(readOnly = true)
public class SupporterStatistics {

    private static final String READERS = "hasAnyRole('ADMIN', 'ORGANIZER', 'VIEWER')";

    private final EntityManager entityManager;

    SupporterStatistics(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

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

    /**
     * Actions per day from {@code from} to {@code to} inclusive (UTC days), with zero
     * days filled in.
     */
    @PreAuthorize(READERS)
    public List<DailyCount> actionsPerDay(LocalDate from, LocalDate to) {
        Map<LocalDate, Long> counts = new LinkedHashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            counts.put(day, 0L);
        }
        List<?> rows = entityManager
            .createNativeQuery("select cast(occurred_at at time zone 'UTC' as date) as day, count(*) "
                    + "from supporter_action where occurred_at >= :from and occurred_at < :to group by 1")
            .setParameter("from", Timestamp.from(start(from)))
            .setParameter("to", Timestamp.from(start(to.plusDays(1))))
            .getResultList();
        for (Object row : rows) {
            Object[] cells = (Object[]) row;
            LocalDate day = cells[0] instanceof Date date ? date.toLocalDate() : (LocalDate) cells[0];
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

    /**
     * The legislators that supporters' actions were addressed to most, as bioguide ids
     * with counts.
     */
    @PreAuthorize(READERS)
    public List<Tally> mostContactedLegislators(LocalDate from, LocalDate to, int limit) {
        return tallies("select bioguide_id, count(*) from supporter_action where bioguide_id is not null "
                + "and occurred_at >= :from and occurred_at < :to group by bioguide_id order by 2 desc, 1 limit "
                + Math.max(1, Math.min(limit, 100)), from, to);
    }

    @PreAuthorize(READERS)
    public SignupFigures signupFigures() {
        // Unconfirmed visits that gave an address we already hold are not other people
        // (see SupporterService.countSupporters).
        Object[] row = (Object[]) entityManager
            .createNativeQuery("select count(*), " + "count(*) filter (where consent_requested_at is not null), "
                    + "count(*) filter (where consent_confirmed_at is not null) from supporter "
                    + "where claims_supporter_id is null")
            .getSingleResult();
        return new SignupFigures(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue());
    }

    /** Actions per campaign, to show progress toward each campaign's goal. */
    @PreAuthorize(READERS)
    public Map<Long, Long> actionsPerCampaign() {
        Map<Long, Long> counts = new LinkedHashMap<>();
        for (Object row : entityManager
            .createNativeQuery("select campaign_id, count(*) from supporter_action group by campaign_id")
            .getResultList()) {
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
        return rows.stream()
            .map(row -> (Object[]) row)
            .map(cells -> new Tally(String.valueOf(cells[0]), ((Number) cells[1]).longValue()))
            .toList();
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

}
