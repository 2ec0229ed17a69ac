package org.advocacy.supporters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.advocacy.shared.Tokens;
import org.advocacy.supporters.internal.ActionLog;
import org.advocacy.supporters.internal.ActionWriter;
import org.advocacy.supporters.internal.MeetingRequestRepository;
import org.advocacy.supporters.internal.SupporterActionRepository;
import org.advocacy.supporters.internal.SupporterRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Service
@Transactional(readOnly = true)
public class SupporterService {

    /**
     * How long the owner of an address has to confirm that a visit giving it was them.
     */
    static final Duration VISIT_CONFIRMATION_VALIDITY = Duration.ofDays(3);

    private final SupporterRepository supporters;

    private final SupporterActionRepository actions;

    private final ActionLog actionLog;

    private final MeetingRequestRepository meetings;

    private final Clock clock = Clock.systemUTC();

    /**
     * Action posts' own transactions, committed in groups: see {@link #recordActions}.
     */
    private final ActionWriter actionWriter;

    SupporterService(SupporterRepository supporters, SupporterActionRepository actions, ActionLog actionLog,
            MeetingRequestRepository meetings, ActionWriter actionWriter) {
        this.actionWriter = actionWriter;
        this.supporters = supporters;
        this.actions = actions;
        this.actionLog = actionLog;
        this.meetings = meetings;
    }

    /** Saves details given outside any visit; see {@link #saveVisit}. */
    @Transactional
    public Supporter saveDetails(SupporterDetails details) {
        return saveVisit(details, null).supporter();
    }

    /**
     * Saves the details a visit gave. A new address becomes a new supporter; ticking
     * "send me updates" starts a double opt-in. An address that already belongs to a
     * supporter proves nothing: that supporter's row, details and consent stay as they
     * are, and the visit gets a row of its own (reused on a second post in the same
     * visit) for its actions, plus a confirmation link for the address's owner. Only the
     * visit that created a record may still correct it, until someone confirms the
     * address.
     */
    @Transactional
    public SavedVisit saveVisit(SupporterDetails details, @Nullable Long sessionSupporterId) {
        String email = details.email().strip();
        String name = details.name().strip();
        Optional<Supporter> existing = supporters.findByEmailIgnoreCase(email);
        if (existing.isEmpty() || ownRecord(existing.get(), sessionSupporterId)) {
            Supporter supporter = existing.orElseGet(() -> new Supporter(email.toLowerCase(Locale.ROOT), name));
            supporter.updateDetails(name, details.zip(), details.state(), details.district());
            if (details.wantsUpdates() && !supporter.isSubscribed()) {
                supporter.requestConsent(clock.instant());
            }
            supporter = supporters.save(supporter);
            return new SavedVisit(supporter, null);
        }
        Supporter owner = existing.get();
        Supporter visit = (sessionSupporterId == null ? Optional.<Supporter>empty()
                : supporters.findById(sessionSupporterId))
            .filter(v -> owner.getId().equals(v.getClaimsSupporterId()))
            .orElseGet(() -> Supporter.visitClaiming(owner, name));
        visit.updateDetails(name, details.zip(), details.state(), details.district());
        String token = Tokens.newToken();
        visit.issueClaim(hash(token), clock.instant().plus(VISIT_CONFIRMATION_VALIDITY), details.wantsUpdates());
        return new SavedVisit(supporters.save(visit), token);
    }

    /** The record this visit created itself, which nobody has since proved they own. */
    private static boolean ownRecord(Supporter supporter, @Nullable Long sessionSupporterId) {
        return supporter.getId().equals(sessionSupporterId) && supporter.getEmailConfirmedAt() == null
                && supporter.getUnsubscribedAt() == null;
    }

    /** The unconfirmed visit a confirmation link stands for, while the link is valid. */
    public Optional<Supporter> findVisitToConfirm(String token) {
        Instant now = clock.instant();
        return supporters.findByClaimTokenHash(hash(token))
            .filter(v -> v.getClaimExpiresAt() != null && v.getClaimExpiresAt().isAfter(now));
    }

    /**
     * The owner of the address confirmed the visit was them: its details (and, if it
     * asked, its wish for updates, now confirmed) go to their record, its actions become
     * theirs, and the visit's row goes. Returns the owner's record; empty for an unknown,
     * used or expired link.
     */
    @Transactional
    public Optional<Supporter> confirmVisit(String token) {
        return findVisitToConfirm(token)
            .flatMap(visit -> supporters.findById(visit.getClaimsSupporterId()).map(owner -> {
                Instant now = clock.instant();
                owner.updateDetails(visit.getName(), visit.getZip(), visit.getState(), visit.getDistrict());
                owner.confirmEmail(now);
                if (visit.isClaimWantsUpdates() && !owner.isSubscribed()) {
                    owner.requestConsent(now);
                    owner.confirmConsent(now);
                }
                actionLog.reassign(visit.getId(), owner.getId());
                supporters.delete(visit);
                return owner;
            }));
    }

    private static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<Supporter> find(long supporterId) {
        return supporters.findById(supporterId);
    }

    /**
     * Whether the supporter is still there: a visit may outlive its supporter's erasure.
     * Every action page and post asks, so it is one statement outside any transaction:
     * through JPA, the read-only transaction and the query around it took a sixth of an
     * action post's CPU time (docs/performance.md).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public boolean exists(long supporterId) {
        return actionLog.supporterExists(supporterId);
    }

    /** Whether a double opt-in link is still waiting to be confirmed. */
    public boolean isConfirmationPending(String confirmationToken) {
        return supporters.findByConfirmationToken(confirmationToken).isPresent();
    }

    /**
     * Confirms a subscription from the emailed link; empty when the token is unknown or
     * already used.
     */
    @Transactional
    public Optional<Supporter> confirmSubscription(String confirmationToken) {
        Optional<Supporter> supporter = supporters.findByConfirmationToken(confirmationToken);
        supporter.ifPresent(s -> s.confirmConsent(clock.instant()));
        return supporter;
    }

    public Optional<Supporter> findByUnsubscribeToken(String unsubscribeToken) {
        return supporters.findByUnsubscribeToken(unsubscribeToken);
    }

    /**
     * Unsubscribes the holder of the token; repeating it is harmless. Empty for an
     * unknown token.
     */
    @Transactional
    public Optional<Supporter> unsubscribe(String unsubscribeToken) {
        Optional<Supporter> supporter = supporters.findByUnsubscribeToken(unsubscribeToken);
        supporter.ifPresent(s -> s.unsubscribe(clock.instant()));
        return supporter;
    }

    /**
     * Records an action once per idempotency key. Returns true when it was recorded now,
     * false when the same submission had already been recorded.
     */
    @Transactional
    public boolean recordAction(NewAction action) {
        Instant now = clock.instant();
        Optional<Long> inserted = actionLog.insertOnce(action.supporterId(), action.campaignId(), action.type().name(),
                action.bioguideId(), action.deliveryMethod() == null ? null : action.deliveryMethod().name(),
                action.outcome() == null ? null : action.outcome().name(), action.state(), action.district(), now,
                action.idempotencyKey());
        return inserted.isPresent();
    }

    /**
     * The one write of an action post: its actions (one per legislator) and, when
     * {@code settleSeat}, the seat they were taken from as the supporter's, for staff's
     * audience counts, in one transaction. Returns how many actions were recorded now
     * (none for a repeated submission).
     * <p>
     * Inside a caller's transaction (a letter queues its delivery in the same one) it
     * takes part in it. Otherwise it returns once its own plain JDBC transaction has
     * committed, which {@link ActionWriter} shares with the posts that arrived at the
     * same time (group commit); a JPA transaction (a Hibernate session opened, flushed
     * and closed around the statements) cost as much CPU as the statements
     * (docs/performance.md, issue 15).
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = false)
    public int recordActions(List<NewAction> newActions, boolean settleSeat) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return writeActions(newActions, settleSeat);
        }
        return newActions.isEmpty() ? 0 : actionWriter.write(newActions, settleSeat);
    }

    private int writeActions(List<NewAction> newActions, boolean settleSeat) {
        int recorded = 0;
        for (NewAction action : newActions) {
            recorded += recordAction(action) ? 1 : 0;
        }
        if (settleSeat && !newActions.isEmpty()) {
            NewAction first = newActions.getFirst();
            settleSeat(first.supporterId(), first.state(), first.district());
        }
        return recorded;
    }

    private void settleSeat(@Nullable Long supporterId, @Nullable String state, @Nullable Integer district) {
        if (supporterId != null && state != null && district != null) {
            actionLog.settleSeat(supporterId, state, district);
        }
    }

    /**
     * Stores a meeting request for staff together with its action (and, when
     * {@code settleSeat}, the supporter's seat, as {@link #recordActions}). A repeated
     * submission (same key) stores nothing and returns empty.
     */
    @Transactional
    public Optional<MeetingRequest> requestMeeting(NewMeetingRequest request, boolean settleSeat) {
        Long supporterId = request.supporterId() != null && supporters.existsById(request.supporterId())
                ? request.supporterId() : null;
        boolean recorded = recordAction(new NewAction(request.supporterId(), request.campaignId(),
                ActionType.MEETING_REQUEST, request.bioguideId(), null, ActionOutcome.REQUESTED, request.state(),
                request.district(), request.idempotencyKey()));
        if (!recorded) {
            return Optional.empty();
        }
        if (settleSeat) {
            settleSeat(supporterId, request.state(), request.district());
        }
        MeetingRequest meeting = meetings.save(new MeetingRequest(supporterId, request.campaignId(),
                request.bioguideId(), request.officeId(), request.name(), request.email(), request.phone(),
                request.preferredDates(), request.organisation(), request.topic()));
        return Optional.of(meeting);
    }

    /**
     * People who gave their details. An unconfirmed visit that gave an address we already
     * hold has a row of its own until the address's owner confirms it, but it is not
     * another person, so it is not counted.
     */
    public long countSupporters() {
        return supporters.countByClaimsSupporterIdIsNull();
    }

    public long countActions() {
        return actions.count();
    }

    public long countActions(long campaignId) {
        return actions.countByCampaignId(campaignId);
    }

    /**
     * Live totals for a campaign, one per action type (zero for types without actions).
     */
    public List<ActionCount> countActionsByType(long campaignId) {
        Map<ActionType, Long> counts = new EnumMap<>(ActionType.class);
        for (ActionType type : ActionType.values()) {
            counts.put(type, 0L);
        }
        for (Object[] row : actions.countByType(campaignId)) {
            counts.put((ActionType) row[0], ((Number) row[1]).longValue());
        }
        return counts.entrySet().stream().map(e -> new ActionCount(e.getKey(), e.getValue())).toList();
    }

    public long countOpenMeetingRequests() {
        return meetings.countByStatus(MeetingStatus.REQUESTED);
    }

}
