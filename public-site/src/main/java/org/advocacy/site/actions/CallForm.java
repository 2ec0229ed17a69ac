package org.advocacy.site.actions;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of one call: which legislator (by position in the list) and what happened.
 */
record CallForm(@Nullable String formToken, @Nullable String zip, @Nullable String district, @Nullable Integer step,
        @Nullable String bioguideId, @Nullable String outcome, @Nullable String website) {
}
