package org.advocacy.supporters;

/** What happened when a supporter called, or that a meeting was requested. */
public enum ActionOutcome {

    TALKED_TO_STAFF, VOICEMAIL, BUSY, NO_ANSWER, SKIPPED, REQUESTED

}
