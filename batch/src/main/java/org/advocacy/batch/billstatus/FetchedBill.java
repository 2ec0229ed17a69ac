package org.advocacy.batch.billstatus;

import org.advocacy.bills.BillSyncService.TrackedBill;
import org.advocacy.bills.OfficialBillRecord;
import org.jspecify.annotations.Nullable;

/** A tracked bill with its parsed record, or why it could not be read. */
record FetchedBill(TrackedBill bill, String url, @Nullable OfficialBillRecord record, @Nullable String failure) {

    static FetchedBill read(TrackedBill bill, String url, OfficialBillRecord record) {
        return new FetchedBill(bill, url, record, null);
    }

    static FetchedBill failed(TrackedBill bill, String url, String failure) {
        return new FetchedBill(bill, url, null, failure);
    }

    String designation() {
        return bill.type().abbreviation() + " " + bill.number() + " (" + bill.congress() + "th)";
    }
}
