package org.advocacy.reminders;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.advocacy.reminders.internal.AudienceQueries;
import org.advocacy.reminders.internal.DeliveryStore;
import org.advocacy.reminders.internal.ReminderRepository;
import org.advocacy.reminders.internal.ReminderRuns;
import org.advocacy.shared.mail.Mailer;
import org.advocacy.shared.mail.OutgoingMail;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers a reminder, one recipient at a time, at most once per (reminder, supporter). Used by the
 * reminder-send job; safe to call again after a crash.
 *
 * <p>Each recipient goes through three steps:
 * <ol>
 *   <li>claim, in one short transaction: lock the PENDING delivery row ({@code for update skip locked}),
 *       re-read the supporter's consent (an unsubscribe committed before this point is always seen), and
 *       either mark the row SKIPPED or mark it SENDING with a Message-ID derived from the delivery; commit;</li>
 *   <li>hand the message to SMTP;</li>
 *   <li>record the result: SENT, FAILED_PERMANENT (5xx), IN_DOUBT (the connection broke mid-hand-off), or
 *       back to PENDING on a transient failure (refused connection, 4xx), which is retried with exponential
 *       backoff.</li>
 * </ol>
 * A connection that breaks during step 2 (rather than being refused, or the server answering 4xx) leaves
 * the row IN_DOUBT at once, for the same reason as below. A crash between 1 and 3 leaves the row SENDING. On restart such rows become IN_DOUBT and are never sent again:
 * the supporter may have received it (the SMTP server accepted it just before the crash) or not, and
 * at-most-once wins. The window is the duration of one SMTP hand-off; the recorded Message-ID lets an operator
 * check the mail server's log for those few rows.
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
    private final JavaMailSender sender;
    private final Clock clock;
    private final TransactionTemplate newTransaction;
    private final String messageIdDomain;
    private final Map<Long, Template> templates = new ConcurrentHashMap<>();
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    ReminderDispatch(DeliveryStore deliveries, ReminderRuns runs, AudienceQueries audiences, ReminderRepository reminders,
                     ReminderRenderer renderer, Mailer mailer, JavaMailSender sender, Clock clock,
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
        this.sender = sender;
        this.clock = clock;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.messageIdDomain = mailer.messageIdDomain();
        this.maxAttempts = Math.max(1, maxAttempts);
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** What happened to one recipient. */
    public enum Outcome { SENT, SKIPPED, FAILED, IN_DOUBT, NOT_CLAIMED }

    /** The SMTP server stayed unavailable through every retry; the delivery is PENDING again and the run should stop. */
    public static class SmtpUnavailableException extends RuntimeException {
        SmtpUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Prepares a run: a SCHEDULED (or interrupted SENDING, or FAILED) reminder becomes SENDING, deliveries a
     * previous run left SENDING become IN_DOUBT, and on the first run the audience is written as PENDING
     * deliveries. Returns false when there is nothing to send (cancelled, already sent, no such reminder).
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

    /** The next PENDING deliveries after the given id, in order. */
    public List<Long> pendingDeliveries(long reminderId, long afterDeliveryId, int limit) {
        return deliveries.pendingIds(reminderId, afterDeliveryId, limit);
    }

    /**
     * Delivers one recipient. {@code beforeSend} runs before each attempt (the caller's throttle).
     *
     * @throws SmtpUnavailableException when transient failures outlast every retry
     */
    public Outcome deliver(long deliveryId, Runnable beforeSend) {
        Duration backoff = initialBackoff;
        for (int attempt = 1; ; attempt++) {
            // Throttle before the claim, so that a row is SENDING only for the SMTP hand-off itself.
            beforeSend.run();
            Claimed claimed = newTransaction.execute(status -> claim(deliveryId));
            if (claimed == null) {
                return Outcome.NOT_CLAIMED;
            }
            if (claimed.mail() == null) {
                return claimed.outcome();
            }
            try {
                sender.send(claimed.mail());
                deliveries.markSent(deliveryId, clock.instant());
                return Outcome.SENT;
            }
            catch (MailException e) {
                if (SmtpFailures.isPermanent(e)) {
                    deliveries.markFailed(deliveryId, SmtpFailures.describe(e));
                    log.info("Reminder delivery {} failed permanently: {}", deliveryId, SmtpFailures.describe(e));
                    return Outcome.FAILED;
                }
                if (SmtpFailures.isInDoubt(e)) {
                    // Dropped mid-hand-off: the server may have taken it. At most once, as after a crash.
                    deliveries.markDeliveryInDoubt(deliveryId, SmtpFailures.describe(e));
                    log.warn("Reminder delivery {}: the connection to the mail server broke during the hand-off;"
                            + " marked in doubt, not sent again: {}", deliveryId, SmtpFailures.describe(e));
                    return Outcome.IN_DOUBT;
                }
                deliveries.release(deliveryId, SmtpFailures.describe(e));
                if (attempt >= maxAttempts) {
                    throw new SmtpUnavailableException("The mail server failed " + attempt + " times in a row: "
                            + SmtpFailures.describe(e), e);
                }
                log.warn("Reminder delivery {} attempt {} failed transiently, retrying in {}: {}", deliveryId, attempt,
                        backoff, SmtpFailures.describe(e));
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }

    /** A reminder's content; it cannot change once the reminder is sending, so a run reads it once. */
    private record Template(String subject, String html, String text) {
    }

    private record Claimed(@Nullable MimeMessage mail, Outcome outcome) {
    }

    private @Nullable Claimed claim(long deliveryId) {
        Optional<DeliveryStore.Claim> found = deliveries.lockPending(deliveryId);
        if (found.isEmpty()) {
            return null;
        }
        DeliveryStore.Claim claim = found.get();
        if (!"SENDING".equals(claim.reminderStatus())) {
            deliveries.markSkipped(deliveryId, "The reminder is " + claim.reminderStatus().toLowerCase() + ".");
            return new Claimed(null, Outcome.SKIPPED);
        }
        if (!claim.subscribed()) {
            deliveries.markSkipped(deliveryId, "The supporter is not (or no longer) a confirmed subscriber.");
            return new Claimed(null, Outcome.SKIPPED);
        }
        Template template = templates.computeIfAbsent(claim.reminderId(), id -> {
            Reminder reminder = reminders.findById(id).orElseThrow();
            return new Template(reminder.getSubject(), reminder.getBodyHtml(), reminder.getBodyText());
        });
        String messageId = "<reminder." + claim.reminderId() + "." + claim.recipient().supporterId() + "@"
                + messageIdDomain + ">";
        MimeMessage message;
        try {
            RenderedEmail email = renderer.render(template.subject(), template.html(), template.text(), claim.recipient());
            message = mailer.toMimeMessage(new OutgoingMail(email.to(), email.subject(), email.text(),
                    email.html(), email.unsubscribeUrl()));
            message.setHeader("Message-ID", messageId);
        }
        catch (MailException | MessagingException | IllegalArgumentException e) {
            // The message cannot be built for this supporter (an invalid address, say): never sendable.
            deliveries.markUnsendable(deliveryId, "The email could not be built: " + e.getMessage());
            return new Claimed(null, Outcome.FAILED);
        }
        deliveries.markSending(deliveryId, messageId);
        return new Claimed(message, Outcome.SENT);
    }

    public void heartbeat(long reminderId) {
        runs.heartbeat(reminderId);
    }

    /** Ends a run: SENT when nobody is left PENDING (unless cancelled meanwhile); the counts are recorded. */
    public ReminderStatus complete(long reminderId) {
        return newTransaction.execute(status -> {
            String current = runs.lock(reminderId).map(ReminderRuns.Row::status).orElse("CANCELLED");
            templates.remove(reminderId);
            boolean finished = "SENDING".equals(current) && deliveries.counts(reminderId).pending() == 0;
            runs.finish(reminderId, finished ? "SENT" : null, null);
            return ReminderStatus.valueOf(finished ? "SENT" : current);
        });
    }

    /** A run stopped on an error; PENDING deliveries stay PENDING so that a resume picks them up. */
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

    /** SENDING reminders whose sender has been silent for longer than the given time: it was interrupted. */
    public List<Long> interrupted(Duration silence) {
        return runs.stale(silence.toSeconds());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry", e);
        }
    }
}
