package org.advocacy.reminders;

import org.advocacy.supporters.ActionType;
import org.jspecify.annotations.Nullable;

/**
 * An audience rule with its parameters, validated so that every rule has what it needs.
 */
public record Audience(AudienceRule rule, @Nullable Long campaignId, @Nullable String state, @Nullable Integer district,
        @Nullable ActionType tookAction, @Nullable ActionType notAction, @Nullable Long billId) {

    public Audience {
        switch (rule) {
            case CAMPAIGN -> require(campaignId != null, "Choose a campaign.");
            case STATE -> require(state != null && state.matches("^[A-Z]{2}$"), "Choose a state.");
            case TOOK_ACTION_NOT_OTHER -> {
                require(tookAction != null && notAction != null, "Choose the action taken and the action not taken.");
                require(tookAction != notAction, "The action taken and the action not taken must differ.");
            }
            case SENATORS_NOT_COSPONSORS -> require(billId != null, "Choose a bill.");
            default -> {
            }
        }
        require(district == null || (state != null && district >= 0 && district <= 60), "A district needs a state.");
    }

    public static Audience all() {
        return new Audience(AudienceRule.ALL, null, null, null, null, null, null);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidReminderException(message);
        }
    }
}
