package org.advocacy.bills;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.advocacy.bills.internal.BillRepository;
import org.advocacy.bills.internal.BillSyncRepository;
import org.advocacy.bills.internal.LegislatorStanceRepository;
import org.advocacy.staff.AuditLog;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies official Bill Status records to tracked bills (the bill-status-sync job and the
 * console's "Track a bill"). Each bill is applied in its own transaction, and only what
 * differs is written, so an unchanged record writes no bill data and leaves public caches
 * alone.
 */
@Service
@Transactional(readOnly = true)
public class BillSyncService {

    private static final String ENTITY = "Bill";

    private static final String EDITORS = "hasAnyRole('ADMIN', 'ORGANIZER')";

    private static final String STAFF = "hasAnyRole('ADMIN', 'ORGANIZER', 'VIEWER')";

    private static final Comparator<OfficialBillRecord.Action> HISTORY_ORDER = Comparator
        .comparing(OfficialBillRecord.Action::occurredOn)
        .thenComparing(a -> a.stage().ordinal())
        .thenComparing(a -> a.chamber() == null ? "" : a.chamber().name())
        .thenComparing(OfficialBillRecord.Action::description);

    private final BillRepository bills;

    private final LegislatorStanceRepository stances;

    private final BillSyncRepository sync;

    private final ApplicationEventPublisher events;

    private final AuditLog audit;

    private final Clock clock;

    private final MessageSource messages;

    BillSyncService(BillRepository bills, LegislatorStanceRepository stances, BillSyncRepository sync,
            ApplicationEventPublisher events, AuditLog audit, Clock clock, MessageSource messages) {
        this.messages = messages;
        this.bills = bills;
        this.stances = stances;
        this.sync = sync;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** A bill the platform tracks, by number. */
    public record TrackedBill(long id, int congress, BillType type, int number) {
    }

    /**
     * How one bill's sync went: the rows it wrote (zero when nothing changed) and any
     * stage change.
     */
    public record Outcome(long billId, int rowsWritten, @Nullable BillStage from, @Nullable BillStage to) {
        public boolean changed() {
            return rowsWritten > 0;
        }
    }

    /** The last sync of a bill, for the console. */
    public record SyncStatus(Instant checkedAt, boolean succeeded, String message, @Nullable Instant changedAt) {
    }

    /** A stage change found by the sync. */
    public record StageChange(long billId, int congress, BillType type, int number, String shortTitle, BillStage from,
            BillStage to, @Nullable LocalDate occurredOn, Instant recordedAt) {
        public String designation() {
            return type.abbreviation() + " " + number;
        }
    }

    /** Every bill the platform tracks, in a stable order. */
    public List<TrackedBill> tracked() {
        return sync.tracked();
    }

    /** Applies the official record to a tracked bill; writes only what differs. */
    @Transactional
    public Outcome apply(long billId, OfficialBillRecord record, String sourceUrl) {
        Bill bill = bills.findById(billId).orElseThrow(() -> new IllegalArgumentException("No bill " + billId));
        if (bill.getCongress() != record.congress() || bill.getType() != record.type()
                || bill.getNumber() != record.number()) {
            throw new BillStatusSource.UnavailableException("The file describes " + record.designation() + ", not "
                    + bill.getDesignation() + " (" + bill.getCongress() + "th Congress)");
        }
        Map<String, Object> before = BillService.snapshot(bill);
        BillStage previous = bill.getStage();
        int rows = 0;
        String url = congressGovUrl(record);
        if (!Objects.equals(bill.getShortTitle(), record.shortTitle())
                || !Objects.equals(bill.getOfficialTitle(), record.officialTitle())
                || !Objects.equals(bill.getSummary(), record.summary())
                || !Objects.equals(bill.getPublicLaw(), record.publicLaw())
                || !Objects.equals(bill.getCongressGovUrl(), url)) {
            bill.describe(record.shortTitle(), record.officialTitle(), record.summary(), url, record.publicLaw());
            rows = 1;
        }
        OfficialBillRecord.Member sponsor = record.sponsor();
        String sponsorId = sponsor == null ? null : sponsor.bioguideId();
        String sponsorName = sponsor == null ? null : sponsor.name();
        if (!Objects.equals(bill.getSponsorId(), sponsorId) || !Objects.equals(bill.getSponsorName(), sponsorName)) {
            bill.setSponsor(sponsorId, sponsorName);
            rows = 1;
        }
        Set<Cosponsor> cosponsors = Set.copyOf(record.cosponsors());
        if (!bill.getCosponsors().equals(cosponsors)) {
            rows += Math.max(1, bill.getCosponsors().size() + cosponsors.size());
            bill.replaceCosponsors(cosponsors);
        }
        if (!sameHistory(bill, record)) {
            rows += bill.getStatusHistory().size() + record.actions().size();
            bill.replaceStatusHistory(record.actions().stream().sorted(HISTORY_ORDER).toList());
        }
        rows += syncStances(billId, cosponsors);
        Instant now = clock.instant();
        if (rows > 0) {
            Map<String, Object> after = BillService.snapshot(bill);
            after.put("source", sourceUrl);
            audit.record("bill.sync", ENTITY, billId, before, after);
            rows++;
        }
        BillStage stage = bill.getStage();
        if (stage != previous) {
            sync.recordStageChange(billId, previous, stage, record.stageReachedOn().orElse(null), now, sourceUrl);
            audit.record("bill.sync.stage", ENTITY, billId, Map.of("stage", previous.name()),
                    Map.of("stage", stage.name(), "source", sourceUrl, "reachedOn",
                            String.valueOf(record.stageReachedOn().orElse(null))));
            events.publishEvent(new BillStageChanged(billId, previous, stage));
            rows += 2;
        }
        sync.recordCheck(billId, now, true, rows == 0 ? "Up to date" : describe(bill, previous), rows > 0, sourceUrl);
        return new Outcome(billId, rows, stage != previous ? previous : null, stage != previous ? stage : null);
    }

    /**
     * Records that a bill's record could not be read or applied; nothing else about the
     * bill changes.
     */
    @Transactional
    public void failed(long billId, String message, String sourceUrl) {
        sync.recordCheck(billId, clock.instant(), false, message, false, sourceUrl);
    }

    /** Starts tracking a bill from its official record (the console's "Track a bill"). */
    @Transactional
    @PreAuthorize(EDITORS)
    public Bill track(OfficialBillRecord record, String sourceUrl) {
        bills.findByCongressAndTypeAndNumber(record.congress(), record.type(), record.number()).ifPresent(existing -> {
            throw new IllegalArgumentException(record.designation() + " is already tracked.");
        });
        Bill bill = bills
            .saveAndFlush(new Bill(record.congress(), record.type(), record.number(), record.shortTitle()));
        audit.record("bill.track", ENTITY, bill.getId(), null,
                Map.of("designation", record.designation(), "source", sourceUrl));
        apply(bill.getId(), record, sourceUrl);
        return bill;
    }

    @PreAuthorize(STAFF)
    public Optional<SyncStatus> status(long billId) {
        return sync.status(billId);
    }

    /**
     * Stage changes the signed-in staff member has not seen yet (newest first, at most
     * 20).
     */
    @PreAuthorize(STAFF)
    public List<StageChange> unseenChanges() {
        return sync.stageChangesSince(sync.seenAt(currentLogin()).orElse(null), 20);
    }

    @Transactional
    @PreAuthorize(STAFF)
    public void markChangesSeen() {
        sync.markSeen(currentLogin(), clock.instant());
    }

    private int syncStances(long billId, Set<Cosponsor> cosponsors) {
        Set<String> ids = cosponsors.stream().map(Cosponsor::bioguideId).collect(Collectors.toSet());
        Set<String> sitting = sync.inRoster(ids);
        Map<String, LegislatorStance> existing = stances.findByBill(billId)
            .stream()
            .collect(Collectors.toMap(LegislatorStance::getBioguideId, s -> s));
        int rows = 0;
        for (String id : sitting) {
            if (!existing.containsKey(id)) {
                stances.save(new LegislatorStance(billId, id, Stance.COSPONSOR, LegislatorStance.Source.SYNC));
                rows++;
            }
        }
        Set<String> gone = new HashSet<>(existing.keySet());
        gone.removeAll(ids);
        for (String id : gone) {
            LegislatorStance stance = existing.get(id);
            if (stance.getSource() == LegislatorStance.Source.SYNC) {
                stances.delete(stance);
                rows++;
            }
        }
        return rows;
    }

    private static boolean sameHistory(Bill bill, OfficialBillRecord record) {
        List<OfficialBillRecord.Action> current = bill.getStatusHistory()
            .stream()
            .map(e -> new OfficialBillRecord.Action(e.getOccurredOn(), e.getChamber(), e.getDescription(),
                    e.getStage()))
            .sorted(HISTORY_ORDER)
            .toList();
        return current.equals(record.actions().stream().sorted(HISTORY_ORDER).toList());
    }

    /** The sync result in plain words (the console is in English). */
    private String describe(Bill bill, BillStage previous) {
        if (bill.getStage() == previous) {
            return "Updated from the official record";
        }
        return "Updated: " + label(previous) + " → " + label(bill.getStage());
    }

    private String label(BillStage stage) {
        return messages.getMessage(stage.messageKey(), null, stage.name(), Locale.ENGLISH);
    }

    /**
     * The bill's congress.gov page, e.g.
     * https://www.congress.gov/bill/117th-congress/house-bill/2471.
     */
    static String congressGovUrl(OfficialBillRecord record) {
        String kind = switch (record.type()) {
            case HR -> "house-bill";
            case S -> "senate-bill";
            case HRES -> "house-resolution";
            case SRES -> "senate-resolution";
            case HJRES -> "house-joint-resolution";
            case SJRES -> "senate-joint-resolution";
            case HCONRES -> "house-concurrent-resolution";
            case SCONRES -> "senate-concurrent-resolution";
        };
        return "https://www.congress.gov/bill/" + ordinal(record.congress()) + "-congress/" + kind + "/"
                + record.number();
    }

    static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    private static String currentLogin() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }

}
