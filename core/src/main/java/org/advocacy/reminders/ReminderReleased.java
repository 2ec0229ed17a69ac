package org.advocacy.reminders;

/**
 * A reminder should start (or resume) sending now; the sending job listens for this after
 * commit.
 */
public record ReminderReleased(long reminderId) {
}
