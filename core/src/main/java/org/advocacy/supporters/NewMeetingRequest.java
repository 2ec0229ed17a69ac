package org.advocacy.supporters;

import org.jspecify.annotations.Nullable;

/** A meeting request as the supporter filled it in, already validated by the form. */
public record NewMeetingRequest(@Nullable Long supporterId, long campaignId, String bioguideId,
        @Nullable String officeId, String name, String email, @Nullable String phone, String preferredDates,
        @Nullable String organisation, String topic, @Nullable String state, @Nullable Integer district,
        String idempotencyKey) {
}
