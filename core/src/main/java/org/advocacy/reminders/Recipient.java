package org.advocacy.reminders;

import org.jspecify.annotations.Nullable;

/**
 * The supporter details a reminder is personalised with: the minimum, read at send time.
 */
public record Recipient(long supporterId, String email, String name, @Nullable String state, @Nullable Integer district,
        String unsubscribeToken) {
}
