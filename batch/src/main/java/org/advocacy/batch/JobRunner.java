package org.advocacy.batch;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.advocacy.batch.billstatus.BillStatusProperties;
import org.advocacy.batch.billstatus.BillStatusSyncJobConfiguration;
import org.advocacy.batch.districts.DistrictImportJobConfiguration;
import org.advocacy.batch.districts.DistrictsProperties;
import org.advocacy.batch.roster.RosterProperties;
import org.advocacy.batch.roster.RosterSyncJobConfiguration;
import org.advocacy.legislators.RosterJobs;
import org.advocacy.staff.AuditLog;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the roster and bill jobs: now and to the end (command line, schedule) or in the background (the
 * console, administrators only), and reports their runs from the batch tables.
 */
@Service
public class JobRunner implements RosterJobs, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JobOperator jobOperator;
    private final Map<String, Job> jobs;
    private final JdbcClient jdbc;
    private final RosterProperties rosterProperties;
    private final DistrictsProperties districtsProperties;
    private final BillStatusProperties billStatusProperties;
    private final AuditLog audit;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    JobRunner(JobOperator jobOperator, List<Job> jobs, JdbcClient jdbc, RosterProperties rosterProperties,
              DistrictsProperties districtsProperties, BillStatusProperties billStatusProperties, AuditLog audit) {
        this.jobOperator = jobOperator;
        this.jobs = new java.util.HashMap<>();
        jobs.forEach(job -> this.jobs.put(job.getName(), job));
        this.jdbc = jdbc;
        this.rosterProperties = rosterProperties;
        this.districtsProperties = districtsProperties;
        this.billStatusProperties = billStatusProperties;
        this.audit = audit;
    }

    /** Runs the job to its end in this thread. */
    public JobExecution runNow(Name name) {
        Job job = job(name);
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addLong("requested-at", System.currentTimeMillis());
        Map<String, String> sources = switch (name) {
            case ROSTER_SYNC -> RosterSyncJobConfiguration.sourceParameters(rosterProperties);
            case DISTRICT_IMPORT -> DistrictImportJobConfiguration.sourceParameters(districtsProperties);
            case BILL_STATUS_SYNC -> BillStatusSyncJobConfiguration.sourceParameters(billStatusProperties);
        };
        sources.forEach((key, value) -> parameters.addString(key, value, false));
        try {
            return jobOperator.start(job, parameters.toJobParameters());
        }
        catch (Exception e) {
            throw new IllegalStateException("Could not start " + name.jobName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void start(Name name) {
        if (!runningExecutions(name).isEmpty()) {
            throw new IllegalStateException(name.jobName() + " is already running");
        }
        audit.record("job.start", "Job", name.jobName(), null, null);
        background.submit(() -> {
            try {
                JobExecution execution = runNow(name);
                log.info("{} started from the console ended {}: {}", name.jobName(), execution.getStatus(), outcome(execution));
            }
            catch (RuntimeException e) {
                log.error("{} started from the console could not run", name.jobName(), e);
            }
        });
    }

    /** One line: the summary of a completed run, or why it failed. */
    public static String outcome(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            String summary = execution.getExecutionContext().containsKey("summary")
                    ? execution.getExecutionContext().getString("summary") : "completed";
            return summary;
        }
        List<String> reasons = new ArrayList<>();
        for (Throwable failure : execution.getAllFailureExceptions()) {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            reasons.add(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
        }
        return reasons.isEmpty() ? execution.getExitStatus().getExitDescription() : String.join("; ", reasons);
    }

    private Job job(Name name) {
        Job job = jobs.get(name.jobName());
        if (job == null) {
            throw new IllegalStateException("No job " + name.jobName());
        }
        return job;
    }

    private List<Long> runningExecutions(Name name) {
        return jdbc.sql("""
                        select e.job_execution_id from batch_job_execution e
                        join batch_job_instance i on i.job_instance_id = e.job_instance_id
                        where i.job_name = ? and e.status in ('STARTING', 'STARTED') and e.end_time is null
                          and e.create_time > now() - interval '6 hours'""")
                .param(name.jobName()).query(Long.class).list();
    }

    @Override
    @PreAuthorize("hasRole('ADMIN')")
    public List<JobRun> runs(Pageable pageable) {
        return query("true order by e.job_execution_id desc limit ? offset ?", pageable.getPageSize(), pageable.getOffset());
    }

    private List<JobRun> query(String condition, Object... parameters) {
        List<JobRun> runs = jdbc.sql("""
                        select e.job_execution_id, i.job_name, e.status, e.start_time, e.end_time, e.exit_message
                        from batch_job_execution e join batch_job_instance i on i.job_instance_id = e.job_instance_id
                        where i.job_name in ('roster-sync', 'district-import', 'bill-status-sync')""" + " and " + condition)
                .params(parameters)
                .query((rs, row) -> new JobRun(rs.getLong(1), rs.getString(2), rs.getString(3),
                        instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), shorten(rs.getString(6)), List.of()))
                .list();
        return runs.stream().map(run -> new JobRun(run.executionId(), run.jobName(), run.status(), run.startedAt(),
                run.endedAt(), run.exitMessage(), steps(run.executionId()))).toList();
    }

    @Override
    @PreAuthorize("hasRole('ADMIN')")
    public long countRuns() {
        return jdbc.sql("""
                        select count(*) from batch_job_execution e join batch_job_instance i on i.job_instance_id = e.job_instance_id
                        where i.job_name in ('roster-sync', 'district-import', 'bill-status-sync')""")
                .query(Long.class).single();
    }

    @Override
    @PreAuthorize("hasRole('ADMIN')")
    public Optional<JobRun> run(long executionId) {
        return query("e.job_execution_id = ?", executionId).stream().findFirst();
    }

    private List<StepProgress> steps(long executionId) {
        return jdbc.sql("""
                        select step_name, status, read_count, write_count from batch_step_execution
                        where job_execution_id = ? order by step_execution_id""")
                .param(executionId)
                .query((rs, row) -> new StepProgress(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    private static @Nullable Instant instant(java.sql.@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    /** The first line of an exit message (batch stores stack traces there). */
    private static String shorten(@Nullable String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String first = message.lines().findFirst().orElse("").replaceFirst("^[\\w.$]+(Exception|Error): ", "");
        return first.length() > 500 ? first.substring(0, 500) : first;
    }

    @Override
    public void destroy() {
        background.shutdown();
    }
}
