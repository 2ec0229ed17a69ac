package org.advocacy.reminders;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One recipient of a reminder as staff see it: the email is masked, the error is the mail
 * server's own words.
 */
public record RecipientDelivery(String name, String maskedEmail, DeliveryStatus status, int attempts,
        @Nullable String error, Instant at) {
}
