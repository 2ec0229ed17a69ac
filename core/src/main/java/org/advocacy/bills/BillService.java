package org.advocacy.bills;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.advocacy.bills.internal.BillRepository;
import org.advocacy.bills.internal.LegislatorStanceRepository;
import org.advocacy.legislators.Chamber;
import org.advocacy.staff.AuditLog;
import org.advocacy.shared.WebLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bills, their status history, backers and members' stances. Reads are open (the public
 * site shows bills); every change needs ADMIN or ORGANIZER and is audited in the same
 * transaction.
 */
@Service
@Transactional(readOnly = true)
public class BillService {

    private static final String ENTITY = "Bill";

    private static final String EDITORS = "hasAnyRole('ADMIN', 'ORGANIZER')";

    private static final String STAFF = "hasAnyRole('ADMIN', 'ORGANIZER', 'VIEWER')";

    private final BillRepository bills;

    private final LegislatorStanceRepository stances;

    private final ApplicationEventPublisher events;

    private final AuditLog audit;

    BillService(BillRepository bills, LegislatorStanceRepository stances, ApplicationEventPublisher events,
            AuditLog audit) {
        this.bills = bills;
        this.stances = stances;
        this.events = events;
        this.audit = audit;
    }

    public Optional<Bill> find(long id) {
        return bills.findById(id);
    }

    public List<Bill> findAll(Collection<Long> ids) {
        return bills.findAllById(ids);
    }

    public List<Bill> list() {
        return bills.findAll(Sort.by(Sort.Direction.DESC, "congress").and(Sort.by("type", "number")));
    }

    /** One page of bills for the console. */
    @PreAuthorize(STAFF)
    public Page<Bill> page(Pageable pageable) {
        return bills.findAll(pageable);
    }

    @Transactional
    @PreAuthorize(EDITORS)
    public Bill create(int congress, BillType type, int number, String shortTitle) {
        validate(congress, number, shortTitle);
        requireUnique(congress, type, number, null);
        Bill bill = bills.save(new Bill(congress, type, number, shortTitle));
        audit.record("bill.create", ENTITY, bill.getId(), null, snapshot(bill));
        return bill;
    }

    /** Changes a bill's number and descriptive fields. */
    @Transactional
    @PreAuthorize(EDITORS)
    public Bill update(long billId, BillDetails details) {
        Bill bill = get(billId);
        validate(details.congress(), details.number(), details.shortTitle());
        if (details.congressGovUrl() != null && !details.congressGovUrl().isBlank()
                && !WebLinks.isWebLink(details.congressGovUrl().strip())) {
            throw new IllegalArgumentException("The Congress.gov link " + WebLinks.RULE + ".");
        }
        requireUnique(details.congress(), details.type(), details.number(), billId);
        Map<String, Object> before = snapshot(bill);
        bill.renumber(details.congress(), details.type(), details.number());
        bill.describe(details.shortTitle().strip(), blankToNull(details.officialTitle()),
                blankToNull(details.summary()), blankToNull(details.congressGovUrl()),
                blankToNull(details.publicLaw()));
        audit.record("bill.update", ENTITY, billId, before, snapshot(bill));
        return bill;
    }

    /** Records a status entry; when the bill's stage moves, live campaigns follow it. */
    @Transactional
    @PreAuthorize(EDITORS)
    public Bill recordStatus(long billId, LocalDate occurredOn, @Nullable Chamber chamber, String description,
            BillStage stage) {
        Bill bill = get(billId);
        if (description.isBlank()) {
            throw new IllegalArgumentException("Describe the status entry, e.g. \"Passed the House\".");
        }
        Map<String, Object> before = snapshot(bill);
        BillStage previous = bill.getStage();
        bill.recordStatus(occurredOn, chamber, description.strip(), stage);
        audit.record("bill.status.add", ENTITY, billId, before, snapshot(bill));
        if (bill.getStage() != previous) {
            events.publishEvent(new BillStageChanged(billId, previous, bill.getStage()));
        }
        return bill;
    }

    /**
     * Removes a status entry recorded in error; the stage falls back to the latest
     * remaining entry.
     */
    @Transactional
    @PreAuthorize(EDITORS)
    public Bill removeStatus(long billId, long eventId) {
        Bill bill = get(billId);
        Map<String, Object> before = snapshot(bill);
        BillStage previous = bill.getStage();
        bill.removeStatus(eventId);
        audit.record("bill.status.remove", ENTITY, billId, before, snapshot(bill));
        if (bill.getStage() != previous) {
            events.publishEvent(new BillStageChanged(billId, previous, bill.getStage()));
        }
        return bill;
    }

    /** Sets the sponsor and the full list of cosponsors, picked from the roster. */
    @Transactional
    @PreAuthorize(EDITORS)
    public Bill changeBackers(long billId, @Nullable String sponsorId, Set<Cosponsor> cosponsors) {
        Bill bill = get(billId);
        if (sponsorId != null && cosponsors.stream().anyMatch(c -> c.bioguideId().equals(sponsorId))) {
            throw new IllegalArgumentException("The sponsor cannot also be listed as a cosponsor.");
        }
        Map<String, Object> before = snapshot(bill);
        bill.setSponsor(sponsorId);
        bill.replaceCosponsors(cosponsors);
        audit.record("bill.backers", ENTITY, billId, before, snapshot(bill));
        return bill;
    }

    @PreAuthorize(STAFF)
    public List<LegislatorStance> stances(long billId) {
        return stances.findByBill(billId);
    }

    @PreAuthorize(STAFF)
    public List<LegislatorStance> stancesOf(String bioguideId) {
        return stances.findByLegislator(bioguideId);
    }

    /** Records a member's stance on a bill, or clears it when {@code stance} is null. */
    @Transactional
    @PreAuthorize(EDITORS)
    public void setStance(long billId, String bioguideId, @Nullable Stance stance) {
        get(billId);
        LegislatorStance.Key key = new LegislatorStance.Key(billId, bioguideId);
        Optional<LegislatorStance> existing = stances.findById(key);
        Map<String, Object> before = existing.map(BillService::snapshot).orElse(null);
        if (stance == null) {
            existing.ifPresent(stances::delete);
            audit.record("stance.clear", "LegislatorStance", billId + "/" + bioguideId, before, null);
            return;
        }
        LegislatorStance saved = existing.map(s -> {
            s.change(stance);
            return s;
        }).orElseGet(() -> stances.save(new LegislatorStance(billId, bioguideId, stance)));
        audit.record("stance.set", "LegislatorStance", billId + "/" + bioguideId, before, snapshot(saved));
    }

    /**
     * Members who back any of these bills: sponsors, cosponsors and members whose
     * recorded stance is COSPONSOR. Campaign targeting skips them in "non-cosponsors"
     * mode and thanks them after enactment.
     */
    public Set<String> backers(Collection<Long> billIds) {
        if (billIds.isEmpty()) {
            return Set.of();
        }
        Set<String> backers = new HashSet<>();
        bills.findAllById(billIds).forEach(bill -> backers.addAll(bill.getBackerIds()));
        backers.addAll(stances.findBioguideIds(billIds, EnumSet.of(Stance.COSPONSOR)));
        return Set.copyOf(backers);
    }

    /** Whether the member has not backed any of these bills. */
    public boolean isNonCosponsor(Collection<Long> billIds, String bioguideId) {
        return !backers(billIds).contains(bioguideId);
    }

    private static void validate(int congress, int number, String shortTitle) {
        if (congress < 1 || congress > 200) {
            throw new IllegalArgumentException("The Congress must be a number from 1 to 200, e.g. 119.");
        }
        if (number < 1) {
            throw new IllegalArgumentException("The bill number must be a positive number, e.g. 4323.");
        }
        if (shortTitle.isBlank() || shortTitle.length() > 200) {
            throw new IllegalArgumentException("Enter a short title of at most 200 characters.");
        }
    }

    private void requireUnique(int congress, BillType type, int number, @Nullable Long self) {
        bills.findByCongressAndTypeAndNumber(congress, type, number)
            .filter(existing -> !existing.getId().equals(self))
            .ifPresent(existing -> {
                throw new IllegalArgumentException(
                        type.abbreviation() + " " + number + " of the " + congress + "th Congress already exists.");
            });
    }

    private Bill get(long billId) {
        return bills.findById(billId).orElseThrow(() -> new IllegalArgumentException("No bill " + billId));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static Map<String, Object> snapshot(Bill bill) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("designation", bill.getDesignation());
        state.put("congress", bill.getCongress());
        state.put("shortTitle", bill.getShortTitle());
        state.put("officialTitle", bill.getOfficialTitle());
        state.put("summary", bill.getSummary());
        state.put("congressGovUrl", bill.getCongressGovUrl());
        state.put("publicLaw", bill.getPublicLaw());
        state.put("stage", bill.getStage().name());
        state.put("statusEntries",
                bill.getStatusHistory()
                    .stream()
                    .map(e -> e.getOccurredOn() + " " + e.getStage() + " " + e.getDescription())
                    .toList());
        state.put("sponsor", bill.getSponsorId());
        state.put("cosponsors", new TreeSet<>(bill.getCosponsors().stream().map(Cosponsor::bioguideId).toList()));
        return state;
    }

    private static Map<String, Object> snapshot(LegislatorStance stance) {
        return Map.of("billId", stance.getBillId(), "bioguideId", stance.getBioguideId(), "stance",
                stance.getStance().name());
    }

}
