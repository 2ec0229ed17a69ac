package org.advocacy.bills;

/**
 * Published when a bill reaches a new stage; live campaigns switch their call to action.
 */
public record BillStageChanged(long billId, BillStage from, BillStage to) {
}
