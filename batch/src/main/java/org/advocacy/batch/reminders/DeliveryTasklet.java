package org.advocacy.batch.reminders;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.advocacy.reminders.ReminderDispatch;
import org.advocacy.reminders.ReminderSender;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.StoppableTasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Sends a reminder with {@code workers} sending workers in parallel, each a
 * {@link ReminderSender} with its own SMTP connection that claims batches of PENDING
 * deliveries until none is left. Each call is one round of at most {@code round}: Batch
 * then records progress and checks for a stop, and the reminder's heartbeat is beaten so
 * that a dead sender can be told from a slow one. The delivery rows are the state, so a
 * restart simply goes on.
 */
class DeliveryTasklet implements StoppableTasklet, AutoCloseable {

    private final ReminderDispatch dispatch;

    private final SendRate rate;

    private final long reminderId;

    private final Duration round;

    private final List<ReminderSender> senders = new ArrayList<>();

    private volatile boolean stopping;

    DeliveryTasklet(ReminderDispatch dispatch, SendRate rate, long reminderId, int workers, Duration round) {
        this.dispatch = dispatch;
        this.rate = rate;
        this.reminderId = reminderId;
        this.round = round;
        for (int i = 0; i < Math.max(1, workers); i++) {
            senders.add(dispatch.newSender());
        }
    }

    @Override
    public @Nullable RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long deadline = System.nanoTime() + round.toNanos();
        AtomicInteger claimed = new AtomicInteger();
        List<RuntimeException> failures = new CopyOnWriteArrayList<>();
        List<Thread> workers = new ArrayList<>();
        // A worker whose mail server fails holds this while it backs off and retries its
        // batch, so that the
        // others neither pick up the rows it released nor hammer the server meanwhile.
        ReentrantReadWriteLock outage = new ReentrantReadWriteLock();
        for (ReminderSender sender : senders) {
            workers.add(Thread.ofVirtual().name("reminder-sender").start(() -> {
                try {
                    while (!stopping && failures.isEmpty() && System.nanoTime() < deadline) {
                        int batch = sender.sendNext(reminderId, rate.batchSize(), permits -> {
                            rate.acquire(permits);
                            outage.readLock().lock();
                            outage.readLock().unlock();
                            if (!failures.isEmpty()) {
                                throw new RoundOver();
                            }
                        }, () -> {
                            if (!outage.isWriteLockedByCurrentThread()) {
                                outage.writeLock().lock();
                            }
                            return failures.isEmpty();
                        });
                        endOutage(outage);
                        claimed.addAndGet(batch);
                        if (batch == 0) {
                            return;
                        }
                    }
                }
                catch (RoundOver e) {
                    // Another worker gave up on the mail server: this round is over.
                }
                catch (RuntimeException e) {
                    failures.add(e);
                }
                finally {
                    endOutage(outage);
                }
            }));
        }
        joinAll(workers);
        dispatch.heartbeat(reminderId);
        contribution.incrementWriteCount(claimed.get());
        if (!failures.isEmpty()) {
            RuntimeException first = failures.getFirst();
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
        return claimed.get() > 0 && !stopping ? RepeatStatus.CONTINUABLE : RepeatStatus.FINISHED;
    }

    private static void endOutage(ReentrantReadWriteLock outage) {
        if (outage.isWriteLockedByCurrentThread()) {
            outage.writeLock().unlock();
        }
    }

    /** Thrown before a claim once another worker has failed: nothing was claimed. */
    private static final class RoundOver extends RuntimeException {

        RoundOver() {
            super(null, null, false, false);
        }

    }

    /**
     * Every worker finishes (and records) the batch in hand, even when this thread is
     * interrupted.
     */
    private static void joinAll(List<Thread> workers) {
        boolean interrupted = false;
        for (Thread worker : workers) {
            while (true) {
                try {
                    worker.join();
                    break;
                }
                catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Called by JobOperator.stop: the workers stop after their current batch. */
    @Override
    public void stop() {
        stopping = true;
    }

    /** At the end of the step (step scope): the SMTP connections are closed with QUIT. */
    @Override
    public void close() {
        senders.forEach(ReminderSender::close);
    }

}
