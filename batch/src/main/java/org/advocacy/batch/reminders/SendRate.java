package org.advocacy.batch.reminders;

import java.util.concurrent.locks.LockSupport;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Paces sending to {@code advocacy.reminders.max-per-second} emails per second across every reminder run in
 * this process: the n-th permit is not granted before {@code n / rate} seconds after the first. Zero or less
 * means no limit.
 */
@Component
class SendRate {

    private final double perSecond;
    private long nextFreeNanos = Long.MIN_VALUE;

    SendRate(@Value("${advocacy.reminders.max-per-second:10}") double perSecond) {
        this.perSecond = perSecond;
    }

    void acquire() {
        if (perSecond <= 0) {
            return;
        }
        long intervalNanos = (long) (1_000_000_000L / perSecond);
        long waitUntil;
        synchronized (this) {
            long now = System.nanoTime();
            if (nextFreeNanos == Long.MIN_VALUE || nextFreeNanos < now) {
                nextFreeNanos = now;
            }
            waitUntil = nextFreeNanos;
            nextFreeNanos += intervalNanos;
        }
        long remaining;
        while ((remaining = waitUntil - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting to send");
            }
        }
    }
}
