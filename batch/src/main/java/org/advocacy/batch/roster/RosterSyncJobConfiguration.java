package org.advocacy.batch.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.advocacy.batch.JobInputReader;
import org.advocacy.legislators.RosterJobs;
import org.advocacy.legislators.RosterMember;
import org.advocacy.legislators.RosterService;
import org.advocacy.legislators.RosterSyncSummary;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code roster-sync} job in two steps, so the console can show where it is:
 * {@code fetch-roster} reads and checks the three files, {@code apply-roster} applies
 * them in one transaction through {@link RosterService}. The steps use no batch
 * transaction of their own; the roster service owns its transaction, so a failure leaves
 * the previous roster as it was. The parsed roster goes from one step to the next in the
 * job's execution context, which Spring Batch saves between the steps; the apply step
 * takes it out again, so the saved context does not keep it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RosterProperties.class)
public class RosterSyncJobConfiguration {

    static final String JOB = RosterJobs.Name.ROSTER_SYNC.jobName();

    public static final String LEGISLATORS_URL = "legislators-url";

    public static final String OFFICES_URL = "offices-url";

    public static final String SOCIAL_URL = "social-url";

    /** The job execution context's entry for the parsed roster, between the two steps. */
    static final String MEMBERS = "roster.members";

    @Bean
    Job rosterSyncJob(JobRepository jobRepository, JobInputReader sources, RosterService roster,
            RosterProperties properties) {
        Step fetch = new StepBuilder("fetch-roster", jobRepository).tasklet((contribution, chunk) -> {
            var stepExecution = contribution.getStepExecution();
            long executionId = stepExecution.getJobExecutionId();
            JobParameters parameters = stepExecution.getJobParameters();
            try {
                List<RosterMember> members = RosterParser.parse(
                        sources.read(url(parameters, LEGISLATORS_URL, properties.legislatorsUrl())),
                        sources.read(url(parameters, OFFICES_URL, properties.officesUrl())),
                        sources.read(url(parameters, SOCIAL_URL, properties.socialUrl())));
                stepExecution.getJobExecution().getExecutionContext().put(MEMBERS, new ArrayList<>(members));
                members.forEach(member -> contribution.incrementReadCount());
                return RepeatStatus.FINISHED;
            }
            catch (RuntimeException e) {
                roster.recordFailure(executionId, String.valueOf(e.getMessage()));
                throw e;
            }
        }, new ResourcelessTransactionManager()).build();

        Step apply = new StepBuilder("apply-roster", jobRepository).tasklet((contribution, chunk) -> {
            var stepExecution = contribution.getStepExecution();
            long executionId = stepExecution.getJobExecutionId();
            var jobContext = stepExecution.getJobExecution().getExecutionContext();
            @SuppressWarnings("unchecked")
            List<RosterMember> members = (List<RosterMember>) jobContext.remove(MEMBERS);
            if (members == null) {
                throw new IllegalStateException("The roster was not read; run the whole job again");
            }
            RosterSyncSummary summary = roster.sync(members, executionId);
            contribution.incrementWriteCount(summary.rowsWritten());
            stepExecution.getJobExecution().getExecutionContext().putString("summary", summary.describe());
            contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(summary.describe()));
            return RepeatStatus.FINISHED;
        }, new ResourcelessTransactionManager()).build();

        return new JobBuilder(JOB, jobRepository).start(fetch).next(apply).build();
    }

    private static String url(JobParameters parameters, String name, String fallback) {
        String value = parameters.getString(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The job parameters for the configured sources. */
    public static Map<String, String> sourceParameters(RosterProperties properties) {
        return Map.of(LEGISLATORS_URL, properties.legislatorsUrl(), OFFICES_URL, properties.officesUrl(), SOCIAL_URL,
                properties.socialUrl());
    }

}
