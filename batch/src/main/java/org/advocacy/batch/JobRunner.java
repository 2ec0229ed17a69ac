package org.advocacy.batch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.advocacy.batch.billstatus.BillStatusProperties;
import org.advocacy.batch.billstatus.BillStatusSyncJobConfiguration;
import org.advocacy.batch.districts.DistrictImportJobConfiguration;
import org.advocacy.batch.districts.DistrictsProperties;
import org.advocacy.batch.roster.RosterProperties;
import org.advocacy.batch.roster.RosterSyncJobConfiguration;
import org.advocacy.legislators.RosterJobs;
import org.advocacy.staff.AuditLog;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.NoSuchJobException;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the roster and bill jobs: now and to the end (command line, schedule) or in the
 * background (the console, administrators only), and reports their runs from Spring
 * Batch's job repository.
 */
@Service
public class JobRunner implements RosterJobs, DisposableBean {

    /** The jobs this runner reports on, as the console lists them. */
    private static final List<String> JOB_NAMES = Stream.of(Name.values()).map(Name::jobName).toList();

    /**
     * A run left STARTED longer than this was cut short by a process that died; it no
     * longer blocks a start.
     */
    private static final Duration ABANDONED_AFTER = Duration.ofHours(6);

    /**
     * Identifies a console run: the execution it follows. Two simultaneous clicks ask for
     * the same instance.
     */
    static final String AFTER_EXECUTION = "after-execution";

    private final JobOperator jobOperator;

    private final JobRepository jobRepository;

    private final Map<String, Job> jobs;

    private final RosterProperties rosterProperties;

    private final DistrictsProperties districtsProperties;

    private final BillStatusProperties billStatusProperties;

    private final AuditLog audit;

    private final TransactionTemplate transactions;

    private final SimpleAsyncTaskExecutor background = new SimpleAsyncTaskExecutor("console-job-");

    /**
     * Starts a run and returns once it is recorded; the run goes on in the background.
     */
    private final TaskExecutorJobOperator backgroundOperator = new TaskExecutorJobOperator();

    JobRunner(JobOperator jobOperator, JobRepository jobRepository, List<Job> jobs, RosterProperties rosterProperties,
            DistrictsProperties districtsProperties, BillStatusProperties billStatusProperties, AuditLog audit,
            PlatformTransactionManager transactionManager) throws Exception {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.jobs = new HashMap<>();
        jobs.forEach(job -> this.jobs.put(job.getName(), job));
        this.rosterProperties = rosterProperties;
        this.districtsProperties = districtsProperties;
        this.billStatusProperties = billStatusProperties;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        background.setVirtualThreads(true);
        backgroundOperator.setJobRepository(jobRepository);
        // The operator starts the Job objects it is given; it asks for a registry all the
        // same.
        MapJobRegistry registry = new MapJobRegistry();
        for (Job job : jobs) {
            registry.register(job);
        }
        backgroundOperator.setJobRegistry(registry);
        backgroundOperator.setTaskExecutor(background);
        backgroundOperator.afterPropertiesSet();
    }

    /** Runs the job to its end in this thread. */
    public JobExecution runNow(Name name) {
        try {
            return jobOperator.start(job(name),
                    sources(name).addLong("requested-at", System.currentTimeMillis()).toJobParameters());
        }
        catch (Exception e) {
            throw new IllegalStateException("Could not start " + name.jobName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts the job in the background unless a run of it is going on. A console run is
     * identified by the execution it follows, so when two administrators click at once
     * both ask Spring Batch for the same job instance, and the job repository lets only
     * one of them create it (across nodes too).
     */
    @Override
    @PreAuthorize("hasRole('ADMIN')")
    public void start(Name name) {
        if (!running(name).isEmpty()) {
            throw alreadyRunning(name);
        }
        JobInstance lastInstance = jobRepository.getLastJobInstance(name.jobName());
        JobExecution last = lastInstance == null ? null : jobRepository.getLastJobExecution(lastInstance);
        // The other click got in between our look and this one: its instance is there
        // without its execution yet, or with it. Starting now would follow the other run
        // (a different job instance) instead of colliding with it.
        if (lastInstance != null && (last == null || current(last))) {
            throw alreadyRunning(name);
        }
        JobParameters parameters = sources(name).addLong(AFTER_EXECUTION, last == null ? 0L : last.getId())
            .addLong("requested-at", System.currentTimeMillis(), false)
            .toJobParameters();
        try {
            backgroundOperator.start(job(name), parameters);
        }
        catch (JobExecutionAlreadyRunningException | JobInstanceAlreadyCompleteException e) {
            throw alreadyRunning(name);
        }
        catch (Exception e) {
            // The other click created the job instance between our look and our insert
            // (Spring Batch then refuses
            // the second instance, or the database its duplicate key).
            if (jobRepository.getJobInstance(name.jobName(), parameters) != null) {
                throw alreadyRunning(name);
            }
            throw new IllegalStateException("Could not start " + name.jobName() + ": " + e.getMessage(), e);
        }
        // Its own transaction, after the start: Spring Batch records the run in
        // transactions of its own.
        transactions.executeWithoutResult(status -> audit.record("job.start", "Job", name.jobName(), null, null));
    }

    private static IllegalStateException alreadyRunning(Name name) {
        return new IllegalStateException(name.jobName() + " is already running");
    }

    private JobParametersBuilder sources(Name name) {
        Map<String, String> sources = switch (name) {
            case ROSTER_SYNC -> RosterSyncJobConfiguration.sourceParameters(rosterProperties);
            case DISTRICT_IMPORT -> DistrictImportJobConfiguration.sourceParameters(districtsProperties);
            case BILL_STATUS_SYNC -> BillStatusSyncJobConfiguration.sourceParameters(billStatusProperties);
        };
        JobParametersBuilder parameters = new JobParametersBuilder();
        sources.forEach((key, value) -> parameters.addString(key, value, false));
        return parameters;
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

    /**
     * The runs of the job going on now, leaving out those a dead process left STARTED
     * long ago.
     */
    private List<JobExecution> running(Name name) {
        return jobRepository.findRunningJobExecutions(name.jobName()).stream().filter(JobRunner::current).toList();
    }

    /** Going on now: not finished, and not left STARTED long ago by a dead process. */
    private static boolean current(JobExecution execution) {
        LocalDateTime since = LocalDateTime.now().minus(ABANDONED_AFTER);
        return execution.isRunning() && execution.getCreateTime() != null && execution.getCreateTime().isAfter(since);
    }

    /**
     * Newest first. These jobs are never restarted, so each job instance has one
     * execution: the newest {@code offset + size} instances of each job hold the page.
     */
    @Override
    @PreAuthorize("hasRole('ADMIN')")
    public List<JobRun> runs(Pageable pageable) {
        int newest = Math.toIntExact(pageable.getOffset() + pageable.getPageSize());
        return JOB_NAMES.stream()
            .flatMap(job -> jobRepository.getJobInstances(job, 0, newest).stream())
            .flatMap(instance -> jobRepository.getJobExecutions(instance).stream())
            .sorted(Comparator.comparingLong(JobExecution::getId).reversed())
            .skip(pageable.getOffset())
            .limit(pageable.getPageSize())
            .map(JobRunner::run)
            .toList();
    }

    @Override
    @PreAuthorize("hasRole('ADMIN')")
    public long countRuns() {
        long count = 0;
        for (String job : JOB_NAMES) {
            try {
                count += jobRepository.getJobInstanceCount(job);
            }
            catch (NoSuchJobException e) {
                // Never run yet.
            }
        }
        return count;
    }

    @Override
    @PreAuthorize("hasRole('ADMIN')")
    public Optional<JobRun> run(long executionId) {
        return Optional.ofNullable(jobRepository.getJobExecution(executionId))
            .filter(execution -> JOB_NAMES.contains(execution.getJobInstance().getJobName()))
            .map(JobRunner::run);
    }

    private static JobRun run(JobExecution execution) {
        List<StepProgress> steps = execution.getStepExecutions()
            .stream()
            .sorted(Comparator.comparingLong(StepExecution::getId))
            .map(step -> new StepProgress(step.getStepName(), step.getStatus().name(), step.getReadCount(),
                    step.getWriteCount()))
            .toList();
        return new JobRun(execution.getId(), execution.getJobInstance().getJobName(), execution.getStatus().name(),
                instant(execution.getStartTime()), instant(execution.getEndTime()),
                shorten(execution.getExitStatus().getExitDescription()), steps);
    }

    /** Spring Batch records its times as local date-times of the process's zone. */
    private static @Nullable Instant instant(@Nullable LocalDateTime time) {
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toInstant();
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
        background.close();
    }

}
