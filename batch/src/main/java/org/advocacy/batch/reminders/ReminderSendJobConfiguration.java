package org.advocacy.batch.reminders;

import java.time.Duration;

import org.advocacy.reminders.ReminderDispatch;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The reminder-send job, one job instance per reminder (identifying parameter
 * {@code reminderId}). Restarting it after a crash or a failure is always safe: each step
 * works from the delivery rows, never from saved reader state.
 */
@Configuration(proxyBeanMethods = false)
class ReminderSendJobConfiguration {

    static final String JOB_NAME = "reminder-send";
    static final String REMINDER_ID = "reminderId";

    @Bean
    Job reminderSendJob(JobRepository jobRepository, Step reminderPrepareStep, Step reminderDeliverStep,
            Step reminderCompleteStep, ReminderDispatch dispatch) {
        return new JobBuilder(JOB_NAME, jobRepository).listener(new JobExecutionListener() {
            @Override
            public void afterJob(JobExecution execution) {
                if (execution.getStatus() == BatchStatus.FAILED) {
                    String error = execution.getAllFailureExceptions()
                        .stream()
                        .findFirst()
                        .map(ReminderSendJobConfiguration::reason)
                        .orElse("The sending job failed.");
                    dispatch.fail(execution.getJobParameters().getLong(REMINDER_ID), error);
                }
            }
        }).start(reminderPrepareStep).next(reminderDeliverStep).next(reminderCompleteStep).build();
    }

    /**
     * Why a run failed, for staff: Batch wraps a step's exception ("Unable to process
     * chunk"), so this is the message of the mail server failure in the chain, or else of
     * the innermost cause.
     */
    static String reason(Throwable failure) {
        Throwable innermost = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ReminderDispatch.SmtpUnavailableException) {
                return String.valueOf(cause.getMessage());
            }
            innermost = cause;
        }
        return innermost.getMessage() == null ? innermost.getClass().getSimpleName() : innermost.getMessage();
    }

    /**
     * Marks the reminder SENDING, deliveries interrupted mid-send IN_DOUBT, and writes
     * the audience once.
     */
    @Bean
    Step reminderPrepareStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ReminderDispatch dispatch) {
        return new StepBuilder("reminder-prepare", jobRepository).tasklet((contribution, context) -> {
            var stepExecution = context.getStepContext().getStepExecution();
            long reminderId = stepExecution.getJobParameters().getLong(REMINDER_ID);
            dispatch.prepare(reminderId, stepExecution.getJobExecutionId());
            return RepeatStatus.FINISHED;
        }, transactionManager).allowStartIfComplete(true).build();
    }

    @Bean
    Step reminderDeliverStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            DeliveryTasklet deliveryTasklet) {
        return new StepBuilder("reminder-deliver", jobRepository).tasklet(deliveryTasklet, transactionManager)
            .allowStartIfComplete(true)
            .build();
    }

    @Bean
    Step reminderCompleteStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ReminderDispatch dispatch) {
        return new StepBuilder("reminder-complete", jobRepository).tasklet((contribution, context) -> {
            long reminderId = context.getStepContext().getStepExecution().getJobParameters().getLong(REMINDER_ID);
            dispatch.complete(reminderId);
            return RepeatStatus.FINISHED;
        }, transactionManager).allowStartIfComplete(true).build();
    }

    /**
     * {@code advocacy.reminders.send.workers} workers in parallel, each with its own SMTP
     * connection; at the rate limit ({@code max-per-second}, when set) across all of
     * them.
     */
    @Bean
    @StepScope
    DeliveryTasklet deliveryTasklet(ReminderDispatch dispatch, SendRate rate,
            @Value("#{jobParameters['reminderId']}") Long reminderId,
            @Value("${advocacy.reminders.send.workers:4}") int workers,
            @Value("${advocacy.reminders.send.round:PT1S}") Duration round) {
        return new DeliveryTasklet(dispatch, rate, reminderId, workers, round);
    }

}
