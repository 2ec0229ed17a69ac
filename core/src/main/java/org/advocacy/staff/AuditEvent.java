package org.advocacy.staff;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;
import org.jspecify.annotations.Nullable;

/**
 * One change made in the console: who, what, when, and the state before and after (JSON).
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String action;

    @Column(name = "entity_type", nullable = false)
    private String entityType;

    @Column(name = "entity_id")
    private @Nullable String entityId;

    @Column(name = "before_state", columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    private @Nullable String beforeState;

    @Column(name = "after_state", columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    private @Nullable String afterState;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, String actor, String action, String entityType, @Nullable String entityId,
            @Nullable String beforeState, @Nullable String afterState) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.entityType = entityType;
        this.entityId = entityId;
        this.beforeState = beforeState;
        this.afterState = afterState;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getEntityType() {
        return entityType;
    }

    public @Nullable String getEntityId() {
        return entityId;
    }

    public @Nullable String getBeforeState() {
        return beforeState;
    }

    public @Nullable String getAfterState() {
        return afterState;
    }

}
