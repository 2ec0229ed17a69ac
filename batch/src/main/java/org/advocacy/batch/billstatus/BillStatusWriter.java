package org.advocacy.batch.billstatus;

import org.advocacy.bills.BillStatusSource;
import org.advocacy.bills.BillSyncService;
import org.advocacy.bills.OfficialBillRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.dao.DataAccessException;

/**
 * Applies each fetched bill in its own transaction and keeps the tally in the job's
 * context. A bill that cannot be applied is recorded as failed and the others go on.
 */
class BillStatusWriter implements ItemWriter<FetchedBill> {

    private static final Logger log = LoggerFactory.getLogger(BillStatusWriter.class);

    private final BillSyncService sync;

    private final SyncTally tally = new SyncTally();

    private final StepExecution stepExecution;

    /**
     * One writer per step execution (step scope), so the tally starts at zero for each
     * run.
     */
    BillStatusWriter(BillSyncService sync, StepExecution stepExecution) {
        this.sync = sync;
        this.stepExecution = stepExecution;
    }

    @Override
    public void write(Chunk<? extends FetchedBill> chunk) {
        for (FetchedBill fetched : chunk) {
            OfficialBillRecord record = fetched.record();
            if (record == null) {
                fail(fetched, String.valueOf(fetched.failure()));
                continue;
            }
            try {
                BillSyncService.Outcome outcome = sync.apply(fetched.bill().id(), record, fetched.url());
                tally.applied(outcome);
            }
            catch (BillStatusSource.UnavailableException | IllegalArgumentException | DataAccessException e) {
                fail(fetched, String.valueOf(e.getMessage()));
            }
        }
        tally.save(stepExecution.getJobExecution());
    }

    private void fail(FetchedBill fetched, String why) {
        log.warn("bill-status-sync: {} failed: {}", fetched.designation(), why);
        sync.failed(fetched.bill().id(), why, fetched.url());
        tally.failed(fetched.designation() + ": " + why);
    }

}
