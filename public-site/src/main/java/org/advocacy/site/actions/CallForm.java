package org.advocacy.site.actions;

import java.util.List;

import org.advocacy.site.layout.OneOf;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one call: which legislator (by position in the list) and what happened,
 * on the site and in the widget.
 */
public record CallForm(@Nullable String formToken, @Nullable String zip, @Nullable String district,
        @Nullable Integer step, @Nullable String bioguideId, @OneOf(value = {
                "TALKED_TO_STAFF", "VOICEMAIL", "BUSY", "NO_ANSWER", "SKIPPED" },
                message = "call.error.outcome") @Nullable String outcome,
        @Nullable String website){

    /** How a call can go, in the order the form shows them. */
    public static final List<String> OUTCOMES = List.of("TALKED_TO_STAFF", "VOICEMAIL", "BUSY", "NO_ANSWER", "SKIPPED");

}
