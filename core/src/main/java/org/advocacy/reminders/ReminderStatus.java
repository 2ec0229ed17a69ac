package org.advocacy.reminders;

/**
 * Where a reminder is in its life: composed, waiting for its time, going out, done or
 * stopped.
 */
public enum ReminderStatus {

    DRAFT, SCHEDULED, SENDING, SENT, CANCELLED, FAILED;

    public boolean isEditable() {
        return this == DRAFT || this == SCHEDULED;
    }

}
