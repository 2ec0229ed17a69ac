/**
 * The {@code bill-status-sync} job: reads each tracked bill's official GPO Bill Status
 * XML and applies titles, summary, sponsor, cosponsors and status history through
 * {@link org.advocacy.bills.BillSyncService}, one transaction per bill.
 */
@NullMarked
package org.advocacy.batch.billstatus;

import org.jspecify.annotations.NullMarked;
