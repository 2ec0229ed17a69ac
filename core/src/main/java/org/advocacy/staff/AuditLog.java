package org.advocacy.staff;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.advocacy.staff.internal.AuditEventRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail of console changes. Entries join the caller's transaction, so a
 * rolled-back change leaves none.
 */
@Service
public class AuditLog {

    private final AuditEventRepository events;

    private final AuditRecordNames names;

    private final JsonMapper json;

    private final Clock clock;

    AuditLog(AuditEventRepository events, AuditRecordNames names, Clock clock) {
        this.events = events;
        this.names = names;
        this.json = JsonMapper.builder().findAndAddModules().build();
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entityType, @Nullable Object entityId, @Nullable Map<String, ?> before,
            @Nullable Map<String, ?> after) {
        events.save(new AuditEvent(clock.instant(), currentActor(), action, entityType,
                entityId == null ? null : entityId.toString(), toJson(before), toJson(after)));
    }

    /** An entry made by the platform itself, whoever is logged in on this thread. */
    @Transactional(propagation = Propagation.MANDATORY)
    void recordBySystem(String action, String entityType, @Nullable Object entityId, @Nullable Map<String, ?> before,
            @Nullable Map<String, ?> after) {
        events.save(new AuditEvent(clock.instant(), "system", action, entityType,
                entityId == null ? null : entityId.toString(), toJson(before), toJson(after)));
    }

    /**
     * An entry whose actor is not the signed-in user: a sign-in (nobody is signed in
     * yet), or a member of the public acting through a link (a story's submitter
     * withdrawing consent). The actor is a description, never their data.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAs(String actor, String action, String entityType, @Nullable Object entityId,
            @Nullable Map<String, ?> before, @Nullable Map<String, ?> after) {
        events.save(new AuditEvent(clock.instant(), actor, action, entityType,
                entityId == null ? null : entityId.toString(), toJson(before), toJson(after)));
    }

    /**
     * The names staff know the events' records by (campaign title, staff member's name…),
     * by event id.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public Map<Long, String> recordNames(List<AuditEvent> page) {
        return names.names(page);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public Page<AuditEvent> search(@Nullable String actor, @Nullable String entityType, Pageable pageable) {
        return search(actor, entityType, null, null, null, pageable);
    }

    /**
     * Audit entries matching every given filter (actor substring, entity type, action
     * prefix, time range).
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public Page<AuditEvent> search(@Nullable String actor, @Nullable String entityType, @Nullable String action,
            @Nullable Instant from, @Nullable Instant to, Pageable pageable) {
        Specification<AuditEvent> spec = (root, query, cb) -> cb.conjunction();
        if (action != null && !action.isBlank()) {
            spec = spec.and((root, query, cb) -> cb.like(root.get("action"), action.strip() + "%"));
        }
        if (from != null) {
            spec = spec.and((root, query, cb) -> cb.greaterThanOrEqualTo(root.get("occurredAt"), from));
        }
        if (to != null) {
            spec = spec.and((root, query, cb) -> cb.lessThan(root.get("occurredAt"), to));
        }
        if (actor != null && !actor.isBlank()) {
            spec = spec.and((root, query, cb) -> cb.like(cb.lower(root.get("actor")), "%" + actor.toLowerCase() + "%"));
        }
        if (entityType != null && !entityType.isBlank()) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("entityType"), entityType));
        }
        return events.findAll(spec, pageable);
    }

    private @Nullable String toJson(@Nullable Map<String, ?> state) {
        return state == null ? null : json.writeValueAsString(state);
    }

    static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }

}
