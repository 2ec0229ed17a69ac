package org.advocacy.reminders;

/**
 * Who a reminder goes to. Every rule is further restricted to supporters who confirmed
 * their email consent and have not unsubscribed, and that is checked again for each
 * recipient at send time.
 */
public enum AudienceRule {

    /** Every confirmed subscriber. */
    ALL("All confirmed subscribers"),
    /** Supporters who took any action in a campaign. */
    CAMPAIGN("Supporters of a campaign"),
    /** Supporters in a state, or in one congressional district of it. */
    STATE("By state or district"),
    /**
     * Supporters who signed up but never wrote, called, asked for a meeting or shared a
     * story (optionally in one campaign).
     */
    SIGNED_UP_NO_ACTION("Signed up but took no action"),
    /**
     * Supporters who took one kind of action but not another (optionally in one
     * campaign).
     */
    TOOK_ACTION_NOT_OTHER("Took one action but not another"),
    /** Supporters at least one of whose senators has not cosponsored a bill. */
    SENATORS_NOT_COSPONSORS("Senators have not cosponsored the bill");

    private final String label;

    AudienceRule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

}
