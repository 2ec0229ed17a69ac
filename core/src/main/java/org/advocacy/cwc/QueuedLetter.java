package org.advocacy.cwc;

import org.jspecify.annotations.Nullable;

/** One letter for one office, as the outbox receives it. */
public record QueuedLetter(String idempotencyKey, long campaignId, @Nullable Long supporterId, String bioguideId,
        String memberOffice, String prefix, String firstName, String lastName, String address1,
        @Nullable String address2, String city, String state, String zip, @Nullable Integer district, String email,
        String subject, String message, boolean edited) {
}
