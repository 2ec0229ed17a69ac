package org.advocacy.site.supporters;

import org.jspecify.annotations.Nullable;

/** The supporter-details form: name, email, ZIP, and the separate, unticked "send me updates" box. */
record DetailsForm(@Nullable String name, @Nullable String email, @Nullable String zip, @Nullable Boolean updates,
                   @Nullable String next, @Nullable String formToken, @Nullable String website) {

    static final int MAX_NAME = 120;
    static final int MAX_EMAIL = 254;

    static DetailsForm empty(String next, String formToken) {
        return new DetailsForm("", "", "", false, next, formToken, "");
    }

    public boolean wantsUpdates() {
        return Boolean.TRUE.equals(updates);
    }
}
