package org.advocacy.batch;

import javax.sql.DataSource;

import org.advocacy.legislators.RosterJobs.Name;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The nightly roster sync ({@code advocacy.roster.cron}) and the monthly district import
 * ({@code advocacy.districts.cron}) and the bill status sync every four hours
 * ({@code advocacy.bills.status-cron}), each under a ShedLock lock in the {@code shedlock} table,
 * so only one instance runs them. Times are the database's (UTC).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT2H")
@ConditionalOnProperty(name = "advocacy.jobs.schedule", havingValue = "true", matchIfMissing = true)
class JobScheduling {

    private static final Logger log = LoggerFactory.getLogger(JobScheduling.class);

    private final JobRunner runner;

    JobScheduling(JobRunner runner) {
        this.runner = runner;
    }

    @Bean
    LockProvider jobLockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }

    @Scheduled(cron = "${advocacy.roster.cron:0 15 6 * * *}", zone = "UTC")
    @SchedulerLock(name = "roster-sync", lockAtLeastFor = "PT1M")
    void syncRoster() {
        run(Name.ROSTER_SYNC);
    }

    @Scheduled(cron = "${advocacy.districts.cron:0 45 5 1 * *}", zone = "UTC")
    @SchedulerLock(name = "district-import", lockAtLeastFor = "PT1M")
    void importDistricts() {
        run(Name.DISTRICT_IMPORT);
    }

    @Scheduled(cron = "${advocacy.bills.status-cron:0 20 */4 * * *}", zone = "UTC")
    @SchedulerLock(name = "bill-status-sync", lockAtLeastFor = "PT1M")
    void syncBillStatus() {
        run(Name.BILL_STATUS_SYNC);
    }

    private void run(Name name) {
        var execution = runner.runNow(name);
        log.info("Scheduled {} ended {}: {}", name.jobName(), execution.getStatus(), JobRunner.outcome(execution));
    }
}
