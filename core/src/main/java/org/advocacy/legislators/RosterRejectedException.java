package org.advocacy.legislators;

/**
 * A roster the sync refuses to apply: records without required fields, an unknown state,
 * or one that would remove more sitting members at once than the safety limit allows.
 * Nothing is written.
 */
public class RosterRejectedException extends RuntimeException {

    public RosterRejectedException(String message) {
        super(message);
    }

}
