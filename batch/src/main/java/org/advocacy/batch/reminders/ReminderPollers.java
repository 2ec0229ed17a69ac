package org.advocacy.batch.reminders;

import java.time.Duration;

import org.advocacy.batch.ConditionalOnScheduling;
import org.advocacy.reminders.AutomaticReminders;
import org.advocacy.reminders.ReminderDispatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The schedules: every few seconds, start reminders whose time has come and resume those
 * whose sender died; once a day, the automatic reminders. Each runs on one node at a time
 * (ShedLock).
 */
@Component
@ConditionalOnScheduling
class ReminderPollers {

    private static final Logger log = LoggerFactory.getLogger(ReminderPollers.class);

    private final ReminderDispatch dispatch;

    private final ReminderJobLauncher launcher;

    private final AutomaticReminders automatic;

    private final Duration staleAfter;

    ReminderPollers(ReminderDispatch dispatch, ReminderJobLauncher launcher, AutomaticReminders automatic,
            @Value("${advocacy.reminders.stale-after:PT60S}") Duration staleAfter) {
        this.dispatch = dispatch;
        this.launcher = launcher;
        this.automatic = automatic;
        this.staleAfter = staleAfter;
    }

    @Scheduled(initialDelayString = "${advocacy.reminders.poll-interval:PT5S}",
            fixedDelayString = "${advocacy.reminders.poll-interval:PT5S}")
    @SchedulerLock(name = "reminder-send-poller", lockAtMostFor = "PT1M")
    void startDueAndResumeInterrupted() {
        for (Long id : dispatch.due()) {
            launcher.launchAsync(id);
        }
        for (Long id : dispatch.interrupted(staleAfter)) {
            if (!launcher.isRunningHere(id)) {
                log.warn("Reminder {} stopped sending without finishing; resuming it", id);
                launcher.resumeAsync(id);
            }
        }
    }

    @Scheduled(cron = "${advocacy.reminders.automatic-cron:0 0 14 * * *}", zone = "UTC")
    @SchedulerLock(name = "automatic-reminders", lockAtMostFor = "PT2H")
    void sendAutomaticReminders() {
        var meetings = automatic.sendMeetingPreparation();
        var nudges = automatic.sendActionNudges();
        log.info("Automatic reminders: {} meeting preparations sent ({} failed), {} nudges sent ({} failed)",
                meetings.sent(), meetings.failed(), nudges.sent(), nudges.failed());
    }

}
