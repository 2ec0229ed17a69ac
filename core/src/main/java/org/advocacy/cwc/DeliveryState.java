package org.advocacy.cwc;

/**
 * The life of one letter to one office through CWC (docs/cwc.md says what each means to
 * staff).
 */
public enum DeliveryState {

    /** Queued: waiting for the sender, or for its next try after a temporary failure. */
    PENDING,
    /** Being sent now: its DeliveryId was committed before the POST. */
    SENDING,
    /** The CWC service accepted it. */
    DELIVERED,
    /**
     * The CWC service refused it (its reasons are kept), or it kept failing until the
     * sender gave up.
     */
    FAILED,
    /**
     * The connection broke after the letter left, or the sender stopped mid-send: it may
     * have arrived.
     */
    IN_DOUBT;

    public boolean ended() {
        return this == DELIVERED || this == FAILED || this == IN_DOUBT;
    }

}
