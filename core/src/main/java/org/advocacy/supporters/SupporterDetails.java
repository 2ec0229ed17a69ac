package org.advocacy.supporters;

import org.jspecify.annotations.Nullable;

/**
 * What a supporter tells us once per visit. The seat (state and district) is filled in
 * when their ZIP has been resolved to one district.
 */
public record SupporterDetails(String name, String email, String zip, @Nullable String state,
        @Nullable Integer district, boolean wantsUpdates) {
}
