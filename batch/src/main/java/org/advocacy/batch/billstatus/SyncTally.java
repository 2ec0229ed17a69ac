package org.advocacy.batch.billstatus;

import java.util.ArrayList;
import java.util.List;

import org.advocacy.bills.BillSyncService;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** The counts of one run, kept in the job's execution context between the two steps. */
final class SyncTally {

    private int changed;

    private int unchanged;

    private int stageChanges;

    private long rows;

    private final List<String> failures = new ArrayList<>();

    void applied(BillSyncService.Outcome outcome) {
        if (outcome.changed()) {
            changed++;
        }
        else {
            unchanged++;
        }
        if (outcome.to() != null) {
            stageChanges++;
        }
        rows += outcome.rowsWritten();
    }

    void failed(String why) {
        failures.add(why);
    }

    int failed() {
        return failures.size();
    }

    String describe() {
        int total = changed + unchanged + failures.size();
        String summary = total + (total == 1 ? " bill" : " bills") + ": " + changed + " updated, " + unchanged
                + " unchanged, " + failures.size() + " failed; " + stageChanges + " stage "
                + (stageChanges == 1 ? "change" : "changes") + ", " + rows + " rows written";
        if (!failures.isEmpty()) {
            List<String> shown = failures.subList(0, Math.min(5, failures.size()));
            summary += ". Failed: " + String.join("; ", shown)
                    + (failures.size() > 5 ? "; and " + (failures.size() - 5) + " more" : "");
        }
        return summary;
    }

    void save(JobExecution execution) {
        ExecutionContext context = execution.getExecutionContext();
        context.putInt("bills.changed", changed);
        context.putInt("bills.unchanged", unchanged);
        context.putInt("bills.stageChanges", stageChanges);
        context.putLong("bills.rows", rows);
        context.putString("bills.failures", String.join("\u001f", failures));
    }

    static SyncTally from(JobExecution execution) {
        ExecutionContext context = execution.getExecutionContext();
        SyncTally tally = new SyncTally();
        tally.changed = context.getInt("bills.changed", 0);
        tally.unchanged = context.getInt("bills.unchanged", 0);
        tally.stageChanges = context.getInt("bills.stageChanges", 0);
        tally.rows = context.getLong("bills.rows", 0);
        String failures = context.getString("bills.failures", "");
        if (!failures.isEmpty()) {
            tally.failures.addAll(List.of(failures.split("\u001f")));
        }
        return tally;
    }

}
