package org.advocacy.supporters;

import org.jspecify.annotations.Nullable;

/**
 * An action to record. The idempotency key identifies the submission (a form token plus
 * the legislator): recording the same key twice records one action.
 */
public record NewAction(@Nullable Long supporterId, long campaignId, ActionType type, @Nullable String bioguideId,
        @Nullable DeliveryMethod deliveryMethod, @Nullable ActionOutcome outcome, @Nullable String state,
        @Nullable Integer district, String idempotencyKey) {

    public NewAction {
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
            throw new IllegalArgumentException("An idempotency key is 1 to 100 characters");
        }
    }
}
