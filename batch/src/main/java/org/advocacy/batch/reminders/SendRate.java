package org.advocacy.batch.reminders;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BlockingBucket;
import io.github.bucket4j.Bucket;

/**
 * Paces sending to {@code advocacy.reminders.max-per-second} emails per second across
 * every reminder run and sending worker in this process (a Bucket4j token bucket that
 * starts empty, so no burst beyond the rate). Zero or less means no limit. Throttled, a
 * worker claims at most a tenth of a second's worth of recipients at a time, so that a
 * claimed recipient is handed to SMTP at once and a late unsubscribe is still seen at the
 * claim.
 */
@Component
class SendRate {

    private final @Nullable BlockingBucket bucket;

    private final int batchSize;

    SendRate(@Value("${advocacy.reminders.max-per-second:10}") double perSecond,
            @Value("${advocacy.reminders.send.batch-size:25}") int batchSize) {
        if (perSecond <= 0) {
            this.bucket = null;
            this.batchSize = Math.max(1, batchSize);
        }
        else {
            this.batchSize = (int) Math.clamp(Math.ceil(perSecond / 10), 1, Math.max(1, batchSize));
            Duration refillPeriod = Duration.ofNanos(Math.round(this.batchSize * 1_000_000_000L / perSecond));
            this.bucket = Bucket.builder()
                .addLimit(Bandwidth.builder()
                    .capacity(this.batchSize)
                    .refillGreedy(this.batchSize, refillPeriod)
                    .initialTokens(0)
                    .build())
                .build()
                .asBlocking();
        }
    }

    /** How many recipients a worker claims at a time. */
    int batchSize() {
        return batchSize;
    }

    /** Waits until {@code permits} (at most {@link #batchSize()}) emails may go. */
    void acquire(int permits) {
        if (bucket == null) {
            return;
        }
        try {
            bucket.consume(Math.min(permits, batchSize));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to send", e);
        }
    }

}
