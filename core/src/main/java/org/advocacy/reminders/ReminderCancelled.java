package org.advocacy.reminders;

import org.jspecify.annotations.Nullable;

/**
 * Staff cancelled a reminder; its remaining recipients were skipped and any running job
 * should stop.
 */
public record ReminderCancelled(long reminderId, @Nullable Long jobExecutionId) {
}
