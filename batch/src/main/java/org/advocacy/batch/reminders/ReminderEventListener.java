package org.advocacy.batch.reminders;

import org.advocacy.reminders.ReminderCancelled;
import org.advocacy.reminders.ReminderReleased;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Starts a reminder as soon as staff send it, and stops its job when they cancel it
 * (after the commit).
 */
@Component
class ReminderEventListener {

    private final ReminderJobLauncher launcher;

    ReminderEventListener(ReminderJobLauncher launcher) {
        this.launcher = launcher;
    }

    @TransactionalEventListener
    void on(ReminderReleased released) {
        launcher.launchAsync(released.reminderId());
    }

    @TransactionalEventListener
    void on(ReminderCancelled cancelled) {
        launcher.stop(cancelled.reminderId(), cancelled.jobExecutionId());
    }

}
