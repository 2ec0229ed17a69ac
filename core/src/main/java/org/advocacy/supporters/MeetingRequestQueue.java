package org.advocacy.supporters;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.advocacy.staff.AuditLog;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The console's queue of meeting requests: status, notes and a follow-up date. Changes
 * are audited.
 */
@Service
@Transactional(readOnly = true)
public class MeetingRequestQueue {

    private static final String READERS = "hasAnyRole('ADMIN', 'ORGANIZER', 'VIEWER')";

    private static final String EDITORS = "hasAnyRole('ADMIN', 'ORGANIZER')";

    private final EntityManager entityManager;

    private final AuditLog audit;

    private final Clock clock;

    MeetingRequestQueue(EntityManager entityManager, AuditLog audit, Clock clock) {
        this.entityManager = entityManager;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * One page of requests, those due for follow-up first, then the oldest;
     * {@code status} null for all.
     */
    @PreAuthorize(READERS)
    public List<MeetingRequest> queue(@Nullable MeetingStatus status, int offset, int limit) {
        var query = entityManager.createQuery(
                "select m from MeetingRequest m" + (status == null ? "" : " where m.status = :status")
                        + " order by case when m.followUpOn is null then 1 else 0 end, m.followUpOn, m.createdAt, m.id",
                MeetingRequest.class);
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @PreAuthorize(READERS)
    public long count(@Nullable MeetingStatus status) {
        var query = entityManager.createQuery(
                "select count(m) from MeetingRequest m" + (status == null ? "" : " where m.status = :status"),
                Long.class);
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.getSingleResult();
    }

    /**
     * Open requests (requested or scheduled) whose follow-up date is on or before
     * {@code day}.
     */
    @PreAuthorize(READERS)
    public List<MeetingRequest> dueForFollowUp(LocalDate day) {
        return entityManager
            .createQuery("select m from MeetingRequest m where m.followUpOn <= :day "
                    + "and m.status in (:open) order by m.followUpOn, m.id", MeetingRequest.class)
            .setParameter("day", day)
            .setParameter("open", List.of(MeetingStatus.REQUESTED, MeetingStatus.SCHEDULED))
            .getResultList();
    }

    @PreAuthorize(READERS)
    public Optional<MeetingRequest> find(long requestId) {
        return Optional.ofNullable(entityManager.find(MeetingRequest.class, requestId));
    }

    /** Records where a request stands. A scheduled meeting needs its date and time. */
    @Transactional
    @PreAuthorize(EDITORS)
    public MeetingRequest followUp(long requestId, MeetingStatus status, @Nullable Instant scheduledFor,
            @Nullable String notes, @Nullable LocalDate followUpOn) {
        MeetingRequest request = find(requestId)
            .orElseThrow(() -> new IllegalArgumentException("This meeting request no longer exists."));
        if (status == MeetingStatus.SCHEDULED && scheduledFor == null) {
            throw new IllegalArgumentException("Enter when the meeting is scheduled for.");
        }
        if (followUpOn != null
                && followUpOn.isBefore(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusYears(1))) {
            throw new IllegalArgumentException("The follow-up date is more than a year in the past.");
        }
        Map<String, Object> before = snapshot(request);
        request.followUp(status, scheduledFor, notes == null || notes.isBlank() ? null : notes.strip(), followUpOn);
        audit.record("meeting.follow-up", "MeetingRequest", requestId, before, snapshot(request));
        return request;
    }

    private static Map<String, Object> snapshot(MeetingRequest request) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", request.getStatus().name());
        state.put("scheduledFor", request.getScheduledFor() == null ? null : request.getScheduledFor().toString());
        state.put("notes", request.getNotes());
        state.put("followUpOn", request.getFollowUpOn() == null ? null : request.getFollowUpOn().toString());
        return state;
    }

}
