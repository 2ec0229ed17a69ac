package org.advocacy.legislators;

/**
 * A lookup that cannot be answered, with a reason the caller turns into a message for the
 * supporter.
 */
public class LookupException extends RuntimeException {

    public enum Reason {

        /** Not five digits. */
        MALFORMED_ZIP,
        /**
         * Five digits, but no congressional district is known for it (e.g. a PO-box-only
         * ZIP).
         */
        UNKNOWN_ZIP,
        /** The district is not written like CA-12. */
        MALFORMED_DISTRICT,
        /** The district chosen is not one of those the ZIP lies in, or does not exist. */
        DISTRICT_NOT_IN_ZIP,
        /** The address could not be matched to a district. */
        ADDRESS_NOT_FOUND,
        /**
         * The geocoder could not be reached; the supporter can pick their district
         * instead.
         */
        GEOCODER_UNAVAILABLE

    }

    private final Reason reason;

    public LookupException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The message-bundle key for this reason, e.g. lookup.error.UNKNOWN_ZIP. */
    public String messageKey() {
        return "lookup.error." + reason.name();
    }

}
