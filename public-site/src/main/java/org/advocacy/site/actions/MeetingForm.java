package org.advocacy.site.actions;

import org.jspecify.annotations.Nullable;

/** A meeting request: whom, which office, who is asking, when, and what about. */
record MeetingForm(@Nullable String formToken, @Nullable String zip, @Nullable String district,
                   @Nullable String bioguideId, @Nullable String officeId, @Nullable String name,
                   @Nullable String email, @Nullable String phone, @Nullable String preferredDates,
                   @Nullable String organisation, @Nullable String topic, @Nullable String website) {

    static final int MAX_NAME = 120;
    static final int MAX_EMAIL = 254;
    static final int MAX_PHONE = 30;
    static final int MAX_DATES = 300;
    static final int MAX_ORGANISATION = 200;
    static final int MAX_TOPIC = 1000;
}
