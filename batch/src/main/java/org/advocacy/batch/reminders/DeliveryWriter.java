package org.advocacy.batch.reminders;

import java.util.concurrent.TimeUnit;

import org.advocacy.reminders.ReminderDispatch;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Delivers each delivery of a chunk through {@link ReminderDispatch#deliver}, which commits every recipient's
 * state in its own transaction (not the chunk's), throttled by {@link SendRate}. Beats the reminder's heartbeat
 * every few seconds so that a dead sender can be told from a slow one.
 */
class DeliveryWriter implements ItemWriter<Long> {

    private static final long HEARTBEAT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final ReminderDispatch dispatch;
    private final SendRate rate;
    private final long reminderId;
    private long lastHeartbeat = System.nanoTime();

    DeliveryWriter(ReminderDispatch dispatch, SendRate rate, long reminderId) {
        this.dispatch = dispatch;
        this.rate = rate;
        this.reminderId = reminderId;
    }

    @Override
    public void write(Chunk<? extends Long> chunk) {
        for (Long deliveryId : chunk) {
            dispatch.deliver(deliveryId, rate::acquire);
            if (System.nanoTime() - lastHeartbeat > HEARTBEAT_NANOS) {
                dispatch.heartbeat(reminderId);
                lastHeartbeat = System.nanoTime();
            }
        }
        dispatch.heartbeat(reminderId);
        lastHeartbeat = System.nanoTime();
    }
}
