package org.advocacy.batch.billstatus;

import org.advocacy.bills.BillStatusSource;
import org.advocacy.bills.BillSyncService.TrackedBill;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Fetches and parses one bill's file; a failure becomes a failed item, so the other bills
 * go on.
 */
class BillStatusFetcher implements ItemProcessor<TrackedBill, FetchedBill> {

    private final GovInfoBillStatusSource source;

    private final String template;

    BillStatusFetcher(GovInfoBillStatusSource source, String template) {
        this.source = source;
        this.template = template;
    }

    @Override
    public FetchedBill process(TrackedBill bill) {
        String url = GovInfoBillStatusSource.url(template, bill.congress(), bill.type(), bill.number());
        try {
            return FetchedBill.read(bill, url, source.fetch(template, bill.congress(), bill.type(), bill.number()));
        }
        catch (BillStatusSource.UnavailableException e) {
            return FetchedBill.failed(bill, url, String.valueOf(e.getMessage()));
        }
    }

}
