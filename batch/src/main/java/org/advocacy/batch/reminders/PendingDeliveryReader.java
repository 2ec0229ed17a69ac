package org.advocacy.batch.reminders;

import java.util.ArrayDeque;
import java.util.Deque;

import org.advocacy.reminders.ReminderDispatch;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * Reads a reminder's PENDING deliveries by id, a page at a time (keyset paging). It keeps no restart state on
 * purpose: the delivery rows are the state, so a restarted run reads whatever is still PENDING.
 */
class PendingDeliveryReader implements ItemReader<Long> {

    private final ReminderDispatch dispatch;
    private final long reminderId;
    private final int pageSize;
    private final Deque<Long> page = new ArrayDeque<>();
    private long lastId;
    private boolean exhausted;

    PendingDeliveryReader(ReminderDispatch dispatch, long reminderId, int pageSize) {
        this.dispatch = dispatch;
        this.reminderId = reminderId;
        this.pageSize = pageSize;
    }

    @Override
    public @Nullable Long read() {
        if (page.isEmpty() && !exhausted) {
            var ids = dispatch.pendingDeliveries(reminderId, lastId, pageSize);
            page.addAll(ids);
            exhausted = ids.size() < pageSize;
            if (!ids.isEmpty()) {
                lastId = ids.getLast();
            }
        }
        return page.poll();
    }
}
