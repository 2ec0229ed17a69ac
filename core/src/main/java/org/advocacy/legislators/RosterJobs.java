package org.advocacy.legislators;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;

/**
 * Starting and watching the jobs that maintain the roster data ({@code roster-sync} and
 * {@code district-import}) and the bills ({@code bill-status-sync}). The batch module
 * implements it; the console uses it, so that the console does not depend on the batch
 * module.
 */
public interface RosterJobs {

    /** The jobs that can be started. */
    enum Name {

        ROSTER_SYNC("roster-sync"), DISTRICT_IMPORT("district-import"), BILL_STATUS_SYNC("bill-status-sync");

        private final String jobName;

        Name(String jobName) {
            this.jobName = jobName;
        }

        public String jobName() {
            return jobName;
        }

        public static Optional<Name> of(String jobName) {
            return Arrays.stream(values()).filter(n -> n.jobName.equals(jobName)).findFirst();
        }

    }

    /**
     * Starts the job in the background; its run appears in {@link #runs(Pageable)} at
     * once. Administrators only. Throws {@link IllegalStateException} when it is already
     * running.
     */
    void start(Name job);

    /** One run of a job with the progress of its steps. */
    record JobRun(long executionId, String jobName, String status, @Nullable Instant startedAt,
            @Nullable Instant endedAt, String exitMessage, List<StepProgress> steps) {

        public boolean running() {
            return "STARTING".equals(status) || "STARTED".equals(status);
        }
    }

    record StepProgress(String name, String status, long readCount, long writeCount) {
    }

    /** Runs of these jobs, newest first. */
    List<JobRun> runs(Pageable pageable);

    long countRuns();

    Optional<JobRun> run(long executionId);

}
