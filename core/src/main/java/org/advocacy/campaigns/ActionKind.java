package org.advocacy.campaigns;

/** The three ways a campaign asks supporters to help. */
public enum ActionKind {

    LETTER, CALL, MEETING

}
