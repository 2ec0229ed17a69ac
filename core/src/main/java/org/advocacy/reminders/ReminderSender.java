package org.advocacy.reminders;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.advocacy.reminders.internal.DeliveryStore;
import org.advocacy.shared.mail.Mailer;
import org.advocacy.shared.mail.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.mail.MailException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One sending worker: one SMTP connection, reused for every message, and batches of
 * recipients claimed from the database. Not thread-safe; a run uses several, each on its
 * own thread. Obtain from {@link ReminderDispatch#newSender()} and close at the end of
 * the run.
 *
 * <p>
 * A batch goes through three steps, each recipient keeping the guarantees of sending one
 * at a time:
 * <ol>
 * <li>claim, in one short transaction: lock up to n PENDING rows
 * ({@code for update skip locked}), re-read each supporter's consent (an unsubscribe
 * committed before this point is always seen), mark the unsubscribed SKIPPED and the rest
 * SENDING with a Message-ID derived from the delivery; commit;</li>
 * <li>hand the messages to SMTP one after the other over this worker's connection;</li>
 * <li>record the batch in one transaction: SENT, FAILED_PERMANENT (5xx), IN_DOUBT (the
 * connection broke during that hand-off: the server may have it), and back to PENDING
 * those not handed over after a transient failure (refused connection, 4xx, or a break),
 * which are then claimed again after a back-off.</li>
 * </ol>
 * A crash between 1 and 3 leaves the batch SENDING; the next run marks those rows
 * IN_DOUBT and never sends them again (at most once wins). So at most one batch per
 * worker is in doubt after a crash; the recorded Message-IDs let an operator check the
 * mail server's log for them.
 */
public final class ReminderSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReminderSender.class);

    private final ReminderDispatch dispatch;

    private final DeliveryStore deliveries;

    private final ReminderRenderer renderer;

    private final Mailer mailer;

    private final Clock clock;

    private final TransactionTemplate newTransaction;

    private final RetryTemplate retry;

    private final SmtpConnection connection;

    ReminderSender(ReminderDispatch dispatch, DeliveryStore deliveries, ReminderRenderer renderer, Mailer mailer,
            Clock clock, TransactionTemplate newTransaction, RetryPolicy retryPolicy, SmtpConnection connection) {
        this.dispatch = dispatch;
        this.deliveries = deliveries;
        this.renderer = renderer;
        this.mailer = mailer;
        this.clock = clock;
        this.newTransaction = newTransaction;
        this.retry = new RetryTemplate(retryPolicy);
        this.connection = connection;
    }

    /**
     * The mail server refused or failed a batch for a transient reason; its unsent rows
     * are PENDING again.
     */
    static final class TransientSmtpFailure extends RuntimeException {

        TransientSmtpFailure(MailException cause) {
            super(SmtpFailures.describe(cause), cause);
        }

    }

    private record Outgoing(long deliveryId, MimeMessage message) {
    }

    /**
     * Claims and sends the reminder's next batch of at most {@code limit} recipients.
     * {@code permits} is called with {@code limit} before the claim (the caller's
     * throttle), so that rows are SENDING only for the hand-off.
     * @return how many deliveries were claimed: 0 when none is left PENDING (or all are
     * held by other workers)
     * @throws ReminderDispatch.SmtpUnavailableException when transient failures outlast
     * every retry; the batch's unsent rows are PENDING again
     */
    public int sendNext(long reminderId, int limit, IntConsumer permits) {
        return sendNext(reminderId, limit, permits, () -> true);
    }

    /**
     * As {@link #sendNext(long, int, IntConsumer)}; {@code mailServerFailing} runs in
     * this thread on each transient failure, before the batch's unsent rows go back to
     * PENDING, so that the caller can hold its other workers back while this one backs
     * off; it answers whether to retry (false: another worker has given up already).
     */
    public int sendNext(long reminderId, int limit, IntConsumer permits, BooleanSupplier mailServerFailing) {
        permits.accept(limit);
        List<Long> batch = new ArrayList<>();
        int[] attempt = { 0 };
        try {
            retry.execute(() -> {
                attempt[0]++;
                // Lock, consent check and SENDING in one transaction; a retry claims what
                // is left of the same batch.
                List<Outgoing> claimed = newTransaction.execute(status -> {
                    List<DeliveryStore.Claim> claims = attempt[0] == 1 ? deliveries.lockNextPending(reminderId, limit)
                            : deliveries.lockPending(batch);
                    if (attempt[0] == 1) {
                        claims.forEach(claim -> batch.add(claim.deliveryId()));
                    }
                    return prepare(claims);
                });
                send(claimed == null ? List.of() : claimed, mailServerFailing);
                return null;
            });
        }
        catch (RetryException e) {
            Throwable last = e.getLastException();
            if (!(last instanceof TransientSmtpFailure)) {
                throw last instanceof RuntimeException runtime ? runtime : new IllegalStateException(last);
            }
            throw new ReminderDispatch.SmtpUnavailableException(
                    "The mail server failed " + attempt[0] + " times in a row: " + last.getMessage(), last);
        }
        return batch.size();
    }

    /**
     * Step 1 (in the claim's transaction): consent and reminder state per recipient,
     * messages built, SENDING.
     */
    private List<Outgoing> prepare(List<DeliveryStore.Claim> claims) {
        List<Outgoing> outgoing = new ArrayList<>(claims.size());
        Map<Long, String> messageIds = new LinkedHashMap<>();
        List<Long> reminderNotSending = new ArrayList<>();
        List<Long> notSubscribed = new ArrayList<>();
        String reminderStatus = "";
        for (DeliveryStore.Claim claim : claims) {
            if (!"SENDING".equals(claim.reminderStatus())) {
                reminderStatus = claim.reminderStatus().toLowerCase();
                reminderNotSending.add(claim.deliveryId());
                continue;
            }
            if (!claim.subscribed()) {
                notSubscribed.add(claim.deliveryId());
                continue;
            }
            String messageId = "<reminder." + claim.reminderId() + "." + claim.recipient().supporterId() + "@"
                    + mailer.messageIdDomain() + ">";
            try {
                RenderedEmail email = renderer.render(dispatch.template(claim.reminderId()), claim.recipient());
                MimeMessage message = mailer.toMimeMessage(new OutgoingMail(email.to(), email.subject(), email.text(),
                        email.html(), email.unsubscribeUrl()));
                message.setSentDate(Date.from(clock.instant()));
                // saveChanges() writes the final headers, including a Message-ID of its
                // own: ours is set after it.
                message.saveChanges();
                message.setHeader("Message-ID", messageId);
                outgoing.add(new Outgoing(claim.deliveryId(), message));
                messageIds.put(claim.deliveryId(), messageId);
            }
            catch (MailException | MessagingException | IllegalArgumentException e) {
                // The message cannot be built for this supporter (an invalid address,
                // say): never sendable.
                deliveries.markUnsendable(claim.deliveryId(), "The email could not be built: " + e.getMessage());
            }
        }
        deliveries.markSkipped(reminderNotSending, "The reminder is " + reminderStatus + ".");
        deliveries.markSkipped(notSubscribed, "The supporter is not (or no longer) a confirmed subscriber.");
        deliveries.markSending(messageIds);
        return outgoing;
    }

    /**
     * Steps 2 and 3: hand over each message on this worker's connection, then record the
     * batch at once.
     */
    private void send(List<Outgoing> batch, BooleanSupplier mailServerFailing) {
        List<Long> sent = new ArrayList<>(batch.size());
        Map<Long, String> failed = new LinkedHashMap<>();
        Map<Long, String> inDoubt = new LinkedHashMap<>();
        List<Long> notHandedOver = new ArrayList<>();
        MailException transientFailure = null;
        RuntimeException unexpected = null;
        for (Outgoing outgoing : batch) {
            if (transientFailure != null || unexpected != null) {
                notHandedOver.add(outgoing.deliveryId());
                continue;
            }
            try {
                connection.send(outgoing.message());
                sent.add(outgoing.deliveryId());
            }
            catch (MailException e) {
                if (SmtpFailures.isPermanent(e)) {
                    failed.put(outgoing.deliveryId(), SmtpFailures.describe(e));
                    log.info("Reminder delivery {} failed permanently: {}", outgoing.deliveryId(),
                            SmtpFailures.describe(e));
                    continue;
                }
                if (SmtpFailures.isInDoubt(e)) {
                    // Dropped mid-hand-off: the server may have taken it. At most once,
                    // as after a crash.
                    inDoubt.put(outgoing.deliveryId(), SmtpFailures.describe(e));
                    log.warn(
                            "Reminder delivery {}: the connection to the mail server broke during the hand-off;"
                                    + " marked in doubt, not sent again: {}",
                            outgoing.deliveryId(), SmtpFailures.describe(e));
                }
                else {
                    notHandedOver.add(outgoing.deliveryId());
                }
                // The rest of the batch waits for a back-off and a new connection.
                connection.close();
                transientFailure = e;
            }
            catch (RuntimeException e) {
                // Not an SMTP answer: whether the server has it is unknown. The batch is
                // recorded, then the run stops.
                inDoubt.put(outgoing.deliveryId(), e.getClass().getSimpleName());
                connection.close();
                unexpected = e;
            }
        }
        String error = transientFailure == null ? "" : SmtpFailures.describe(transientFailure);
        boolean retry = transientFailure == null || mailServerFailing.getAsBoolean();
        newTransaction.executeWithoutResult(status -> {
            deliveries.markSent(sent, clock.instant());
            failed.forEach(deliveries::markFailed);
            inDoubt.forEach(deliveries::markDeliveryInDoubt);
            deliveries.release(notHandedOver,
                    error.isEmpty() ? "Not handed over: the sender stopped on an error." : error);
        });
        if (unexpected != null) {
            throw unexpected;
        }
        if (transientFailure != null && !notHandedOver.isEmpty() && !retry) {
            throw new ReminderDispatch.SmtpUnavailableException(
                    "The mail server failed and another sending worker has" + " given up on it: " + error,
                    transientFailure);
        }
        if (transientFailure != null && !notHandedOver.isEmpty()) {
            log.warn("Reminder batch: {} deliveries not handed over, retrying after a back-off: {}",
                    notHandedOver.size(), error);
            throw new TransientSmtpFailure(transientFailure);
        }
    }

    @Override
    public void close() {
        connection.close();
    }

}
