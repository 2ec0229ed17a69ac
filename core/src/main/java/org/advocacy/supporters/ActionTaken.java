package org.advocacy.supporters;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A supporter took an action for a campaign (published once per recorded action, never for a repeat). */
public record ActionTaken(long actionId, long campaignId, @Nullable Long supporterId, ActionType type,
                          @Nullable String bioguideId, @Nullable DeliveryMethod deliveryMethod,
                          @Nullable ActionOutcome outcome, Instant occurredAt) {
}
