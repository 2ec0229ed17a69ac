package org.advocacy.supporters;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.advocacy.supporters.internal.ActionLog;
import org.advocacy.supporters.internal.MeetingRequestRepository;
import org.advocacy.supporters.internal.SupporterActionRepository;
import org.advocacy.supporters.internal.SupporterRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class SupporterService {

    private final SupporterRepository supporters;
    private final SupporterActionRepository actions;
    private final ActionLog actionLog;
    private final MeetingRequestRepository meetings;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    SupporterService(SupporterRepository supporters, SupporterActionRepository actions, ActionLog actionLog,
                     MeetingRequestRepository meetings, ApplicationEventPublisher events) {
        this.supporters = supporters;
        this.actions = actions;
        this.actionLog = actionLog;
        this.meetings = meetings;
        this.events = events;
    }

    /**
     * Saves a supporter's details, matching an earlier visit by email. Ticking "send me updates"
     * starts a double opt-in (a new confirmation token) unless they are already subscribed; not
     * ticking it never withdraws an earlier subscription (that is what unsubscribe is for).
     */
    @Transactional
    public Supporter saveDetails(SupporterDetails details) {
        String email = details.email().strip();
        Optional<Supporter> existing = supporters.findByEmailIgnoreCase(email);
        Supporter supporter = existing.orElseGet(() -> new Supporter(email.toLowerCase(Locale.ROOT), details.name().strip()));
        supporter.updateDetails(details.name().strip(), details.zip(), details.state(), details.district());
        boolean consentRequested = false;
        if (details.wantsUpdates() && !supporter.isSubscribed()) {
            supporter.requestConsent(clock.instant());
            consentRequested = true;
        }
        supporter = supporters.save(supporter);
        events.publishEvent(new SupporterSignedUp(supporter.getId(), existing.isEmpty(), consentRequested));
        return supporter;
    }

    /** Records the seat a supporter's ZIP resolved to, once they have settled it. */
    @Transactional
    public void updateSeat(long supporterId, @Nullable String state, @Nullable Integer district) {
        supporters.findById(supporterId).ifPresent(s -> s.updateDetails(s.getName(), s.getZip(), state, district));
    }

    public Optional<Supporter> find(long supporterId) {
        return supporters.findById(supporterId);
    }

    /** Confirms a subscription from the emailed link; empty when the token is unknown or already used. */
    @Transactional
    public Optional<Supporter> confirmSubscription(String confirmationToken) {
        Optional<Supporter> supporter = supporters.findByConfirmationToken(confirmationToken);
        supporter.ifPresent(s -> {
            s.confirmConsent(clock.instant());
            events.publishEvent(new SubscriptionConfirmed(s.getId()));
        });
        return supporter;
    }

    public Optional<Supporter> findByUnsubscribeToken(String unsubscribeToken) {
        return supporters.findByUnsubscribeToken(unsubscribeToken);
    }

    /** Unsubscribes the holder of the token; repeating it is harmless. Empty for an unknown token. */
    @Transactional
    public Optional<Supporter> unsubscribe(String unsubscribeToken) {
        Optional<Supporter> supporter = supporters.findByUnsubscribeToken(unsubscribeToken);
        supporter.ifPresent(s -> {
            boolean wasReachable = s.getUnsubscribedAt() == null;
            s.unsubscribe(clock.instant());
            if (wasReachable) {
                events.publishEvent(new SupporterUnsubscribed(s.getId()));
            }
        });
        return supporter;
    }

    /**
     * Records an action once per idempotency key. Returns true when it was recorded now, false
     * when the same submission had already been recorded.
     */
    @Transactional
    public boolean recordAction(NewAction action) {
        Instant now = clock.instant();
        Optional<Long> inserted = actionLog.insertOnce(action.supporterId(), action.campaignId(), action.type().name(),
                action.bioguideId(), action.deliveryMethod() == null ? null : action.deliveryMethod().name(),
                action.outcome() == null ? null : action.outcome().name(), action.state(), action.district(), now,
                action.idempotencyKey());
        if (inserted.isEmpty()) {
            return false;
        }
        events.publishEvent(new ActionTaken(inserted.get(), action.campaignId(), action.supporterId(), action.type(),
                action.bioguideId(), action.deliveryMethod(), action.outcome(), now));
        return true;
    }

    /**
     * Stores a meeting request for staff together with its action. A repeated submission (same
     * key) stores nothing and returns empty.
     */
    @Transactional
    public Optional<MeetingRequest> requestMeeting(NewMeetingRequest request) {
        boolean recorded = recordAction(new NewAction(request.supporterId(), request.campaignId(),
                ActionType.MEETING_REQUEST, request.bioguideId(), null, ActionOutcome.REQUESTED, request.state(),
                request.district(), request.idempotencyKey()));
        if (!recorded) {
            return Optional.empty();
        }
        MeetingRequest meeting = meetings.save(new MeetingRequest(request.supporterId(), request.campaignId(),
                request.bioguideId(), request.officeId(), request.name(), request.email(), request.phone(),
                request.preferredDates(), request.organisation(), request.topic()));
        events.publishEvent(new MeetingRequested(meeting.getId(), request.campaignId(), request.bioguideId()));
        return Optional.of(meeting);
    }

    public long countSupporters() {
        return supporters.count();
    }

    public long countActions() {
        return actions.count();
    }

    public long countActions(long campaignId) {
        return actions.countByCampaignId(campaignId);
    }

    /** Live totals for a campaign, one per action type (zero for types without actions). */
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
