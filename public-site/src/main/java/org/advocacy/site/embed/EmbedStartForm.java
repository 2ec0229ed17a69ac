package org.advocacy.site.embed;

import org.jspecify.annotations.Nullable;

/**
 * The widget's first step: who the supporter is, their ZIP (and district, for a split
 * ZIP) and which action.
 */
record EmbedStartForm(@Nullable String state, @Nullable String formToken, @Nullable String website,
        @Nullable String name, @Nullable String email, @Nullable String zip, @Nullable String district,
        @Nullable Boolean updates, @Nullable String action) {

    static final int MAX_NAME = 120;
    static final int MAX_EMAIL = 254;

    static EmbedStartForm empty(String state, String formToken) {
        return new EmbedStartForm(state, formToken, "", "", "", "", null, false, null);
    }

    EmbedStartForm withToken(String token) {
        return new EmbedStartForm(state, token, website, name, email, zip, district, updates, action);
    }

    public boolean wantsUpdates() {
        return Boolean.TRUE.equals(updates);
    }

    static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
