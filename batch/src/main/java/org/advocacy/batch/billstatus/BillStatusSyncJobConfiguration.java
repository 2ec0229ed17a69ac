package org.advocacy.batch.billstatus;

import java.util.Map;

import org.advocacy.bills.BillSyncService;
import org.advocacy.bills.BillSyncService.TrackedBill;
import org.advocacy.legislators.RosterJobs;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code bill-status-sync} job. {@code sync-bills} reads the tracked bills, fetches
 * and parses each one's file (the processor) and applies it through
 * {@link BillSyncService} (the writer), which owns one transaction per bill; a bill whose
 * file cannot be read fails alone and keeps its data. {@code report-bills} then publishes
 * the summary, and fails the run when any bill failed, so the command line exits non-zero
 * and the console shows which bills.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BillStatusProperties.class)
public class BillStatusSyncJobConfiguration {

    static final String JOB = RosterJobs.Name.BILL_STATUS_SYNC.jobName();

    public static final String STATUS_URL = "status-url";

    @Bean
    Job billStatusSyncJob(JobRepository jobRepository, Step billStatusSyncStep) {
        Step report = new StepBuilder("report-bills", jobRepository).tasklet((contribution, chunk) -> {
            var jobExecution = contribution.getStepExecution().getJobExecution();
            SyncTally tally = SyncTally.from(jobExecution);
            jobExecution.getExecutionContext().putString("summary", tally.describe());
            if (tally.failed() > 0) {
                throw new BillsFailedException(tally.describe());
            }
            contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(tally.describe()));
            return RepeatStatus.FINISHED;
        }, new ResourcelessTransactionManager()).build();
        return new JobBuilder(JOB, jobRepository).start(billStatusSyncStep).next(report).build();
    }

    @Bean
    Step billStatusSyncStep(JobRepository jobRepository, ListItemReader<TrackedBill> trackedBillReader,
            BillStatusFetcher billStatusFetcher, BillStatusWriter billStatusWriter, BillStatusProperties properties) {
        // No batch transaction: BillSyncService commits each bill on its own.
        return new StepBuilder("sync-bills", jobRepository)
            .<TrackedBill, FetchedBill>chunk(Math.max(1, properties.chunkSize()))
            .transactionManager(new ResourcelessTransactionManager())
            .reader(trackedBillReader)
            .processor(billStatusFetcher)
            .writer(billStatusWriter)
            .build();
    }

    @Bean
    @StepScope
    ListItemReader<TrackedBill> trackedBillReader(BillSyncService sync) {
        return new ListItemReader<>(sync.tracked());
    }

    @Bean
    @StepScope
    BillStatusFetcher billStatusFetcher(GovInfoBillStatusSource source, BillStatusProperties properties,
            @Value("#{jobParameters['status-url']}") String template) {
        return new BillStatusFetcher(source,
                template == null || template.isBlank() ? properties.statusUrl() : template);
    }

    @Bean
    @StepScope
    BillStatusWriter billStatusWriter(BillSyncService sync, @Value("#{stepExecution}") StepExecution stepExecution) {
        return new BillStatusWriter(sync, stepExecution);
    }

    public static Map<String, String> sourceParameters(BillStatusProperties properties) {
        return Map.of(STATUS_URL, properties.statusUrl());
    }

    /** Some bills could not be synced; the others were. */
    static class BillsFailedException extends RuntimeException {

        BillsFailedException(String message) {
            super(message);
        }

    }

}
