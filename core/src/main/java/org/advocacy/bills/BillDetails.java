package org.advocacy.bills;

import org.jspecify.annotations.Nullable;

/** What staff edit about a bill in the console: its number and its descriptive fields. */
public record BillDetails(int congress, BillType type, int number, String shortTitle, @Nullable String officialTitle,
        @Nullable String summary, @Nullable String congressGovUrl, @Nullable String publicLaw) {

    public static BillDetails of(Bill bill) {
        return new BillDetails(bill.getCongress(), bill.getType(), bill.getNumber(), bill.getShortTitle(),
                bill.getOfficialTitle(), bill.getSummary(), bill.getCongressGovUrl(), bill.getPublicLaw());
    }
}
