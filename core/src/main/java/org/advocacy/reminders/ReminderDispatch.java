package org.advocacy.reminders;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.advocacy.reminders.internal.AudienceQueries;
import org.advocacy.reminders.internal.DeliveryStore;
import org.advocacy.reminders.internal.ReminderRepository;
import org.advocacy.reminders.internal.ReminderRuns;
import org.advocacy.shared.mail.Mailer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a reminder's delivery, at most once per (reminder, supporter): prepares a run (the
 * audience written as PENDING rows, rows a dead sender left SENDING marked IN_DOUBT),
 * hands out sending workers ({@link ReminderSender}: one reused SMTP connection each,
 * batches claimed with {@code for update skip locked}), and completes or fails the run.
 * Used by the reminder-send job; safe to call again after a crash.
 */
@Service
public class ReminderDispatch {

    private static final Logger log = LoggerFactory.getLogger(ReminderDispatch.class);

    private final DeliveryStore deliveries;

    private final ReminderRuns runs;

    private final AudienceQueries audiences;

    private final ReminderRepository reminders;

    private final ReminderRenderer renderer;

    private final Mailer mailer;

    private final JavaMailSenderImpl mailSettings;

    private final Clock clock;

    private final TransactionTemplate newTransaction;

    private final Map<Long, PreparedReminder> templates = new ConcurrentHashMap<>();

    private final RetryPolicy retryPolicy;

    ReminderDispatch(DeliveryStore deliveries, ReminderRuns runs, AudienceQueries audiences,
            ReminderRepository reminders, ReminderRenderer renderer, Mailer mailer, JavaMailSender sender, Clock clock,
            PlatformTransactionManager transactionManager,
            @Value("${advocacy.reminders.max-attempts:6}") int maxAttempts,
            @Value("${advocacy.reminders.initial-backoff:PT1S}") Duration initialBackoff,
            @Value("${advocacy.reminders.max-backoff:PT60S}") Duration maxBackoff) {
        this.deliveries = deliveries;
        this.runs = runs;
        this.audiences = audiences;
        this.reminders = reminders;
        this.renderer = renderer;
        this.mailer = mailer;
        if (!(sender instanceof JavaMailSenderImpl settings)) {
            throw new IllegalStateException(
                    "Reminders need Spring Mail's JavaMailSenderImpl (spring.mail.*) to hold SMTP connections open");
        }
        this.mailSettings = settings;
        this.clock = clock;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.retryPolicy = RetryPolicy.builder()
            .includes(ReminderSender.TransientSmtpFailure.class)
            .maxRetries(Math.max(1, maxAttempts) - 1L)
            .delay(initialBackoff)
            .multiplier(2)
            .maxDelay(maxBackoff)
            .build();
    }

    /**
     * The SMTP server stayed unavailable through every retry; the delivery is PENDING
     * again and the run should stop.
     */
    public static class SmtpUnavailableException extends RuntimeException {

        SmtpUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }

    }

    /**
     * Prepares a run: a SCHEDULED (or interrupted SENDING, or FAILED) reminder becomes
     * SENDING, deliveries a previous run left SENDING become IN_DOUBT, and on the first
     * run the audience is written as PENDING deliveries. Returns false when there is
     * nothing to send (cancelled, already sent, no such reminder).
     */
    public boolean prepare(long reminderId, @Nullable Long jobExecutionId) {
        Boolean ready = newTransaction.execute(status -> {
            Optional<ReminderRuns.Row> row = runs.lock(reminderId);
            if (row.isEmpty()) {
                return false;
            }
            String current = row.get().status();
            if (!List.of("SCHEDULED", "SENDING", "FAILED").contains(current)) {
                return false;
            }
            templates.remove(reminderId);
            int inDoubt = deliveries.markInDoubt(reminderId);
            if (inDoubt > 0) {
                log.warn("Reminder {}: {} deliveries were interrupted mid-send and are marked in doubt (not resent)",
                        reminderId, inDoubt);
            }
            runs.markSending(reminderId, jobExecutionId);
            if (!row.get().materialised()) {
                Reminder reminder = reminders.findById(reminderId).orElseThrow();
                audiences.materialise(reminderId, reminder.audience());
                runs.markMaterialised(reminderId, deliveries.counts(reminderId).total());
            }
            return true;
        });
        return Boolean.TRUE.equals(ready);
    }

    /**
     * A sending worker with its own SMTP connection, for one thread; close it when the
     * run ends. Transient SMTP failures are retried with exponential back-off
     * ({@code advocacy.reminders.initial-backoff} doubling up to {@code max-backoff})
     * until {@code max-attempts} tries of a batch have failed.
     */
    public ReminderSender newSender() {
        return new ReminderSender(this, deliveries, renderer, mailer, clock, newTransaction, retryPolicy,
                new SmtpConnection(mailSettings));
    }

    /**
     * A reminder's content, prepared for rendering; it cannot change once the reminder is
     * sending, so a run reads and prepares it once.
     */
    PreparedReminder template(long reminderId) {
        return templates.computeIfAbsent(reminderId, id -> {
            Reminder reminder = reminders.findById(id).orElseThrow();
            return renderer.prepare(reminder.getSubject(), reminder.getBodyHtml(), reminder.getBodyText());
        });
    }

    public void heartbeat(long reminderId) {
        runs.heartbeat(reminderId);
    }

    /**
     * Ends a run: SENT when nobody is left PENDING (unless cancelled meanwhile); the
     * counts are recorded.
     */
    public ReminderStatus complete(long reminderId) {
        return newTransaction.execute(status -> {
            String current = runs.lock(reminderId).map(ReminderRuns.Row::status).orElse("CANCELLED");
            templates.remove(reminderId);
            boolean finished = "SENDING".equals(current) && deliveries.counts(reminderId).pending() == 0;
            runs.finish(reminderId, finished ? "SENT" : null, null);
            return ReminderStatus.valueOf(finished ? "SENT" : current);
        });
    }

    /**
     * A run stopped on an error; PENDING deliveries stay PENDING so that a resume picks
     * them up.
     */
    public void fail(long reminderId, String error) {
        newTransaction.executeWithoutResult(status -> {
            String current = runs.lock(reminderId).map(ReminderRuns.Row::status).orElse("CANCELLED");
            runs.finish(reminderId, "SENDING".equals(current) ? "FAILED" : null, error);
        });
    }

    /** Reminders whose time has come. */
    public List<Long> due() {
        return reminders.findDue(clock.instant());
    }

    /**
     * SENDING reminders whose sender has been silent for longer than the given time: it
     * was interrupted.
     */
    public List<Long> interrupted(Duration silence) {
        return runs.stale(silence.toSeconds());
    }

}
