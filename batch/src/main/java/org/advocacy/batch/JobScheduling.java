package org.advocacy.batch;

import org.advocacy.legislators.RosterJobs.Name;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The nightly roster sync ({@code advocacy.roster.cron}) and the monthly district import
 * ({@code advocacy.districts.cron}) and the bill status sync every four hours
 * ({@code advocacy.bills.status-cron}), each under a ShedLock lock in the
 * {@code shedlock} table, so only one instance runs them. Times are the database's (UTC).
 * A lock lasts at most two hours, longer than any run. Scheduling is set up in
 * {@link SchedulingConfiguration}.
 */
@Component
@ConditionalOnScheduling
class JobScheduling {

    private static final Logger log = LoggerFactory.getLogger(JobScheduling.class);

    private final JobRunner runner;

    JobScheduling(JobRunner runner) {
        this.runner = runner;
    }

    @Scheduled(cron = "${advocacy.roster.cron:0 15 6 * * *}", zone = "UTC")
    @SchedulerLock(name = "roster-sync", lockAtLeastFor = "PT1M", lockAtMostFor = "PT2H")
    void syncRoster() {
        run(Name.ROSTER_SYNC);
    }

    @Scheduled(cron = "${advocacy.districts.cron:0 45 5 1 * *}", zone = "UTC")
    @SchedulerLock(name = "district-import", lockAtLeastFor = "PT1M", lockAtMostFor = "PT2H")
    void importDistricts() {
        run(Name.DISTRICT_IMPORT);
    }

    @Scheduled(cron = "${advocacy.bills.status-cron:0 20 */4 * * *}", zone = "UTC")
    @SchedulerLock(name = "bill-status-sync", lockAtLeastFor = "PT1M", lockAtMostFor = "PT2H")
    void syncBillStatus() {
        run(Name.BILL_STATUS_SYNC);
    }

    private void run(Name name) {
        var execution = runner.runNow(name);
        log.info("Scheduled {} ended {}: {}", name.jobName(), execution.getStatus(), JobRunner.outcome(execution));
    }

}
