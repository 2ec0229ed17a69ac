package org.advocacy.bills;

/**
 * Where a bill stands. Campaigns keep one call to action per stage, so what supporters
 * are asked to do follows the bill through its whole life.
 */
public enum BillStage {

    INTRODUCED, IN_COMMITTEE, PASSED_HOUSE, PASSED_SENATE, PASSED_BOTH, ENACTED, VETOED, FAILED;

    /** After enactment the ask changes from "pass it" to "thank and implement". */
    public boolean isLaw() {
        return this == ENACTED;
    }

    /** The message-bundle key of this stage's label. */
    public String messageKey() {
        return "bill.stage." + name();
    }

}
