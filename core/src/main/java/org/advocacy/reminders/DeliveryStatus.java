package org.advocacy.reminders;

/**
 * One recipient's delivery. SENDING is committed before the message is handed to SMTP; a
 * SENDING row left behind by a crash becomes IN_DOUBT and is never sent again, so a
 * supporter never gets a reminder twice.
 */
public enum DeliveryStatus {

    PENDING, SENDING, SENT, FAILED_PERMANENT, SKIPPED, IN_DOUBT

}
