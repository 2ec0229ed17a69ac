package org.advocacy.batch.reminders;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Starts, restarts or resumes the reminder-send job for a reminder, on a background
 * thread. One run per reminder at a time in this process; a run left STARTED by a process
 * that died is recovered (marked FAILED) and restarted, which is safe because the job
 * works from its delivery rows.
 */
@Component
class ReminderJobLauncher {

    private static final Logger log = LoggerFactory.getLogger(ReminderJobLauncher.class);

    private final JobOperator jobOperator;

    private final JobRepository jobRepository;

    private final Job reminderSendJob;

    private final SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("reminder-send-");

    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    ReminderJobLauncher(JobOperator jobOperator, JobRepository jobRepository, Job reminderSendJob) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.reminderSendJob = reminderSendJob;
        this.executor.setVirtualThreads(true);
    }

    /**
     * Runs the job for a reminder that has become due, in the background, unless this
     * process is already running it. A run that another process has started is left to
     * it.
     */
    void launchAsync(long reminderId) {
        launchAsync(reminderId, false);
    }

    /**
     * Resumes, in the background, a reminder whose sender has been silent too long: its
     * process died.
     */
    void resumeAsync(long reminderId) {
        launchAsync(reminderId, true);
    }

    private void launchAsync(long reminderId, boolean senderDied) {
        if (running.add(reminderId)) {
            executor.execute(() -> {
                try {
                    run(reminderId, senderDied);
                }
                catch (RuntimeException e) {
                    log.error("The reminder-send job for reminder {} could not run", reminderId, e);
                }
                finally {
                    running.remove(reminderId);
                }
            });
        }
    }

    boolean isRunningHere(long reminderId) {
        return running.contains(reminderId);
    }

    /**
     * Runs, restarts or resumes (after its sender died) the job in the calling thread and
     * returns the execution.
     */
    JobExecution run(long reminderId) {
        return run(reminderId, true);
    }

    /**
     * Runs or restarts the job in the calling thread. A running execution is recovered
     * only when its sender died ({@code senderDied}); otherwise it belongs to another
     * live process (a second instance that saw the reminder due before the first had
     * marked it sending) and is returned as it is.
     */
    JobExecution run(long reminderId, boolean senderDied) {
        JobParameters parameters = parameters(reminderId);
        try {
            JobInstance instance = jobRepository.getJobInstance(ReminderSendJobConfiguration.JOB_NAME, parameters);
            JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
            if (last == null) {
                return jobOperator.start(reminderSendJob, parameters);
            }
            if (last.getStatus() == BatchStatus.COMPLETED || last.getStatus() == BatchStatus.ABANDONED
                    || last.getStatus() == BatchStatus.UNKNOWN) {
                // Work can remain after a run that completed, or ended in a state Batch
                // will not restart (UNKNOWN,
                // after a stop that interrupted a step). The delivery rows are the state:
                // a fresh instance is safe.
                return jobOperator.start(reminderSendJob,
                        new JobParametersBuilder(parameters).addString("resumedAt", Instant.now().toString())
                            .toJobParameters());
            }
            if (last.getStatus().isRunning() && !senderDied) {
                log.info("Reminder {} is being sent by another process (execution {})", reminderId, last.getId());
                return last;
            }
            if (last.getStatus().isRunning()) {
                // No run of this reminder is alive in this process and its heartbeat is
                // stale: the process that
                // ran it died. Mark that execution FAILED so that it can be restarted.
                log.warn("Recovering reminder-send execution {} of reminder {}, left {} by a stopped process",
                        last.getId(), reminderId, last.getStatus());
                last = jobOperator.recover(last);
            }
            return jobOperator.restart(last);
        }
        catch (Exception e) {
            throw new IllegalStateException("Could not run reminder-send for reminder " + reminderId, e);
        }
    }

    /**
     * Stops this reminder's running execution, if any; the deliveries it has not claimed
     * stay as they are.
     */
    void stop(long reminderId, @Nullable Long jobExecutionId) {
        if (jobExecutionId == null) {
            return;
        }
        try {
            JobExecution execution = jobRepository.getJobExecution(jobExecutionId);
            if (execution != null && execution.getStatus().isRunning()) {
                jobOperator.stop(execution);
            }
        }
        catch (Exception e) {
            log.info("Reminder {}: execution {} was not running: {}", reminderId, jobExecutionId, e.getMessage());
        }
    }

    static JobParameters parameters(long reminderId) {
        return new JobParametersBuilder().addLong(ReminderSendJobConfiguration.REMINDER_ID, reminderId)
            .toJobParameters();
    }

}
