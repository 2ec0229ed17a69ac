package org.advocacy.supporters;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/**
 * One thing a supporter did for a campaign, towards one legislator where it applies. The
 * idempotency key makes a double-submitted form record a single action.
 */
@Entity
@Table(name = "supporter_action")
public class SupporterAction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "supporter_id")
    private @Nullable Long supporterId;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Enumerated(EnumType.STRING)
    @Column(name = "action_type", nullable = false)
    private ActionType type;

    @Column(name = "bioguide_id")
    private @Nullable String bioguideId;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_method")
    private @Nullable DeliveryMethod deliveryMethod;

    @Enumerated(EnumType.STRING)
    private @Nullable ActionOutcome outcome;

    private @Nullable String state;

    private @Nullable Integer district;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "idempotency_key", nullable = false, unique = true)
    private String idempotencyKey;

    protected SupporterAction() {
    }

    public SupporterAction(@Nullable Long supporterId, Long campaignId, ActionType type, @Nullable String bioguideId,
            @Nullable DeliveryMethod deliveryMethod, @Nullable ActionOutcome outcome, @Nullable String state,
            @Nullable Integer district, Instant occurredAt, String idempotencyKey) {
        this.supporterId = supporterId;
        this.campaignId = campaignId;
        this.type = type;
        this.bioguideId = bioguideId;
        this.deliveryMethod = deliveryMethod;
        this.outcome = outcome;
        this.state = state;
        this.district = district;
        this.occurredAt = occurredAt;
        this.idempotencyKey = idempotencyKey;
    }

    public Long getId() {
        return id;
    }

    public @Nullable Long getSupporterId() {
        return supporterId;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public ActionType getType() {
        return type;
    }

    public @Nullable String getBioguideId() {
        return bioguideId;
    }

    public @Nullable DeliveryMethod getDeliveryMethod() {
        return deliveryMethod;
    }

    public @Nullable ActionOutcome getOutcome() {
        return outcome;
    }

    public @Nullable String getState() {
        return state;
    }

    public @Nullable Integer getDistrict() {
        return district;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

}
