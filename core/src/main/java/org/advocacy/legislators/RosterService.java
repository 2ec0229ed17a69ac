package org.advocacy.legislators;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.advocacy.legislators.internal.LegislatorRepository;
import org.advocacy.legislators.internal.RosterSyncRunRepository;
import org.advocacy.legislators.internal.UsStateRepository;
import org.advocacy.legislators.internal.ZctaDistrictRepository;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.ObjectMapper;

/**
 * Applies a new roster of the members of Congress. The whole roster is applied in one
 * transaction: members are upserted by bioguide id, members missing from the roster are
 * marked out of office (never deleted), and offices are replaced member by member. Only
 * what changed is written, so running the same roster twice writes nothing. Every run
 * leaves a {@link RosterSyncRun} with its change summary, also when it fails.
 */
@Service
public class RosterService {

    private static final Logger log = LoggerFactory.getLogger(RosterService.class);

    /** Serialises roster syncs across instances and threads. */
    private static final long LOCK_KEY = 727_003L;

    private final LegislatorRepository legislators;

    private final UsStateRepository states;

    private final RosterSyncRunRepository runs;

    private final ZctaDistrictRepository zctas;

    private final EntityManager entityManager;

    private final TransactionTemplate transaction;

    private final TransactionTemplate separateTransaction;

    private final TransactionTemplate readOnly;

    private final ApplicationEventPublisher events;

    private final ObjectMapper json;

    private final Clock clock;

    private final double maxRemovalRatio;

    RosterService(LegislatorRepository legislators, UsStateRepository states, RosterSyncRunRepository runs,
            ZctaDistrictRepository zctas, EntityManager entityManager, PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events, ObjectMapper json,
            @Value("${advocacy.roster.max-removal-ratio:0.2}") double maxRemovalRatio) {
        this.legislators = legislators;
        this.states = states;
        this.runs = runs;
        this.zctas = zctas;
        this.entityManager = entityManager;
        this.transaction = new TransactionTemplate(transactionManager);
        this.separateTransaction = new TransactionTemplate(transactionManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.events = events;
        this.json = json;
        this.clock = Clock.systemUTC();
        if (maxRemovalRatio < 0 || maxRemovalRatio > 1) {
            throw new IllegalArgumentException(
                    "advocacy.roster.max-removal-ratio must lie between 0 and 1, not " + maxRemovalRatio);
        }
        this.maxRemovalRatio = maxRemovalRatio;
    }

    /**
     * Applies the roster and records the run. Throws {@link RosterRejectedException}
     * (after recording a failed run) when the roster is refused; the previous roster then
     * stays as it was.
     * @param jobExecutionId the batch job execution this sync belongs to, if any
     */
    public RosterSyncSummary sync(List<RosterMember> roster, @Nullable Long jobExecutionId) {
        Long runId = separateTransaction
            .execute(status -> runs.save(new RosterSyncRun(jobExecutionId, clock.instant())).getId());
        try {
            RosterSyncSummary summary = transaction.execute(status -> apply(roster));
            separateTransaction.executeWithoutResult(status -> runs.findById(runId)
                .orElseThrow()
                .succeeded(summary, changesJson(summary), clock.instant()));
            log.info("Roster sync {}: {}", runId, summary.describe());
            if (summary.rowsWritten() > 0) {
                events.publishEvent(new RosterSynced(runId, summary.rowsWritten()));
            }
            return summary;
        }
        catch (RuntimeException e) {
            separateTransaction.executeWithoutResult(status -> runs.findById(runId)
                .orElseThrow()
                .failed(String.valueOf(e.getMessage()), clock.instant()));
            throw e;
        }
    }

    /**
     * Records a run that failed before a roster could be applied (unreachable or
     * malformed source).
     */
    public void recordFailure(@Nullable Long jobExecutionId, String reason) {
        separateTransaction.executeWithoutResult(status -> {
            RosterSyncRun run = new RosterSyncRun(jobExecutionId, clock.instant());
            run.failed(reason, clock.instant());
            runs.save(run);
        });
    }

    private RosterSyncSummary apply(List<RosterMember> roster) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(" + LOCK_KEY + ")").getSingleResult();
        validate(roster);
        Map<String, Legislator> existing = legislators.findAll()
            .stream()
            .collect(Collectors.toMap(Legislator::getBioguideId, Function.identity()));
        Set<String> incoming = roster.stream().map(RosterMember::bioguideId).collect(Collectors.toSet());
        List<Legislator> leaving = existing.values()
            .stream()
            .filter(l -> l.isInOffice() && !incoming.contains(l.getBioguideId()))
            .sorted(Comparator.comparing(Legislator::getBioguideId))
            .toList();
        long sitting = existing.values().stream().filter(Legislator::isInOffice).count();
        if (sitting > 0 && leaving.size() > maxRemovalRatio * sitting) {
            throw new RosterRejectedException("The new roster would remove " + leaving.size() + " of " + sitting
                    + " sitting members at once, more than the safety limit of " + Math.round(maxRemovalRatio * 100)
                    + "% (advocacy.roster.max-removal-ratio); nothing was changed");
        }

        List<String> added = new ArrayList<>();
        Map<String, List<String>> changed = new TreeMap<>();
        int unchanged = 0;
        int rows = 0;
        int officeRows = 0;
        for (RosterMember member : roster) {
            Legislator legislator = existing.get(member.bioguideId());
            Set<String> fields = new LinkedHashSet<>();
            boolean isNew = legislator == null;
            if (isNew) {
                legislator = new Legislator(member.details());
                entityManager.persist(legislator);
                added.add(member.bioguideId());
                rows += 1 + member.details().partyAffiliations().size();
            }
            else {
                boolean returning = !legislator.isInOffice();
                List<PartyAffiliation> affiliationsBefore = legislator.getPartyAffiliations();
                fields.addAll(legislator.apply(member.details()));
                if (returning) {
                    added.add(member.bioguideId());
                }
                if (!fields.isEmpty() || returning) {
                    rows++;
                }
                if (!affiliationsBefore.equals(member.details().partyAffiliations())) {
                    rows += affiliationsBefore.size() + member.details().partyAffiliations().size();
                }
            }
            int written = replaceOffices(legislator, member.offices());
            officeRows += written;
            rows += written;
            if (!isNew) {
                if (written > 0) {
                    fields.add("offices");
                }
                if (!fields.isEmpty()) {
                    changed.put(member.bioguideId(), List.copyOf(fields));
                }
                else if (!added.contains(member.bioguideId())) {
                    unchanged++;
                }
            }
        }
        LocalDate today = LocalDate.now(clock);
        for (Legislator legislator : leaving) {
            legislator.leaveOffice(today);
            rows++;
        }
        entityManager.flush();
        return new RosterSyncSummary(added, leaving.stream().map(Legislator::getBioguideId).toList(), changed,
                unchanged, officeRows, rows);
    }

    /** Replaces the member's offices with the roster's; returns the rows written. */
    private int replaceOffices(Legislator legislator, List<RosterMember.Office> offices) {
        List<DistrictOffice> current = legislator.officesForSync();
        Map<String, DistrictOffice> byId = new HashMap<>();
        current.forEach(office -> byId.put(office.getId(), office));
        int written = 0;
        Set<String> wanted = new HashSet<>();
        for (RosterMember.Office office : offices) {
            wanted.add(office.id());
            DistrictOffice existing = byId.get(office.id());
            if (existing == null) {
                current.add(new DistrictOffice(office.id(), legislator, office.details()));
                written++;
            }
            else if (existing.apply(office.details())) {
                written++;
            }
        }
        int before = current.size();
        current.removeIf(office -> !wanted.contains(office.getId()));
        return written + (before - current.size());
    }

    private void validate(List<RosterMember> roster) {
        if (roster.isEmpty()) {
            throw new RosterRejectedException("The roster lists no members; nothing was changed");
        }
        Set<String> known = new HashSet<>();
        states.findAll().forEach(state -> known.add(state.getCode()));
        Set<String> seen = new HashSet<>();
        Set<String> officeIds = new HashSet<>();
        for (RosterMember member : roster) {
            MemberDetails details = member.details();
            if (!seen.add(details.bioguideId())) {
                throw new RosterRejectedException("Member " + details.bioguideId() + " is listed twice");
            }
            if (!known.contains(details.state())) {
                throw new RosterRejectedException(
                        "Member " + details.bioguideId() + " has an unknown state " + details.state());
            }
            if (details.chamber() == Chamber.HOUSE && details.district() == null) {
                throw new RosterRejectedException("House member " + details.bioguideId() + " has no district");
            }
            for (RosterMember.Office office : member.offices()) {
                if (!officeIds.add(office.id())) {
                    throw new RosterRejectedException("District office " + office.id() + " is listed twice");
                }
            }
        }
    }

    private String changesJson(RosterSyncSummary summary) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("added", summary.added());
        changes.put("left", summary.left());
        changes.put("changed", new TreeMap<>(summary.changed()));
        changes.put("unchanged", summary.unchanged());
        return json.writeValueAsString(changes);
    }

    /** The sync history, newest first. Staff only. */
    @PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER', 'VIEWER')")
    public Page<RosterSyncRun> history(Pageable pageable) {
        return readOnly.execute(status -> runs.findAll(
                PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by(Sort.Direction.DESC, "id"))));
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER', 'VIEWER')")
    public long countRuns() {
        return readOnly.execute(status -> runs.count());
    }

    public Optional<RosterSyncRun> run(long id) {
        return readOnly.execute(status -> runs.findById(id));
    }

    public Optional<RosterSyncRun> runOfJob(long jobExecutionId) {
        return readOnly.execute(status -> runs.findFirstByJobExecutionIdOrderByIdDesc(jobExecutionId));
    }

    /** The id of the latest run that changed the roster, 0 when none has. */
    public long latestChangingRunId() {
        return readOnly.execute(status -> runs.latestChangingRunId());
    }

    /**
     * House seats with no sitting member: every district in the ZIP table that no sitting
     * Representative holds. The roster source lists no vacancies, so they are derived.
     */
    public List<DistrictRef> vacantSeats() {
        return readOnly.execute(status -> zctas.vacantSeats());
    }

    public boolean isEmpty() {
        return readOnly.execute(status -> legislators.count() == 0);
    }

    /**
     * Whether a whole roster was ever applied; a few hand-inserted members do not count.
     */
    public boolean hasCompletedSync() {
        return Boolean.TRUE.equals(readOnly.execute(status -> runs.existsByStatus(RosterSyncRun.Status.SUCCEEDED)));
    }

}
