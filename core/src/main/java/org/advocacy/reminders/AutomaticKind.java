package org.advocacy.reminders;

import java.util.Arrays;
import java.util.Optional;

/**
 * The automatic reminders; each has its own opt-out link, separate from the general
 * unsubscribe.
 */
public enum AutomaticKind {

    /**
     * Sent a set number of days before a scheduled meeting with a member's office, with
     * the talking points.
     */
    MEETING_PREP("meeting-prep"),
    /**
     * Sent once to a supporter who signed up but has not acted after a set number of
     * days.
     */
    ACTION_NUDGE("action-nudge");

    private final String slug;

    AutomaticKind(String slug) {
        this.slug = slug;
    }

    /** The kind's name in opt-out URLs. */
    public String slug() {
        return slug;
    }

    public static Optional<AutomaticKind> fromSlug(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
    }

}
