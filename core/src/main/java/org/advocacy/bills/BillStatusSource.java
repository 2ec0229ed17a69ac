package org.advocacy.bills;

/**
 * Reads one bill's official status record (the GPO Bill Status XML). The batch module
 * implements it; the console uses it to look a bill up before tracking it, without
 * depending on the batch module.
 */
public interface BillStatusSource {

    /**
     * The record, or {@link UnavailableException} saying in plain words why it could not
     * be read.
     */
    OfficialBillRecord fetch(int congress, BillType type, int number);

    /** Where the record of this bill is read from. */
    String urlOf(int congress, BillType type, int number);

    /**
     * The record could not be fetched or is not a valid Bill Status file; the message is
     * fit for staff.
     */
    class UnavailableException extends RuntimeException {

        public UnavailableException(String message) {
            super(message);
        }

    }

}
