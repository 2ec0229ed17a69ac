package org.advocacy.reminders;

/**
 * A reminder could not be saved, scheduled or sent as asked; the message is fit to show
 * to staff.
 */
public class InvalidReminderException extends RuntimeException {

    public InvalidReminderException(String message) {
        super(message);
    }

}
