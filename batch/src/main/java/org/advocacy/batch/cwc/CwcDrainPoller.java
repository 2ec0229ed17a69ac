package org.advocacy.batch.cwc;

import org.advocacy.batch.ConditionalOnScheduling;
import org.advocacy.cwc.CwcSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Drains the CWC outbox every {@code advocacy.cwc.drain.poll-interval}, on one node at a
 * time (ShedLock). The lock outlives one drain ({@code max-run}, 50 s by default) but not
 * by much ({@code lock-at-most-for}, 1 minute), so that after a crash another node takes
 * over within a minute. Should it ever lapse mid-drain, a second drain is still safe:
 * claims skip locked rows and only PENDING rows are claimed. With no CWC key configured a
 * drain does nothing.
 */
@Component
@ConditionalOnScheduling
class CwcDrainPoller {

    private final CwcSender sender;

    CwcDrainPoller(CwcSender sender) {
        this.sender = sender;
    }

    @Scheduled(initialDelayString = "${advocacy.cwc.drain.poll-interval:PT2S}",
            fixedDelayString = "${advocacy.cwc.drain.poll-interval:PT2S}")
    @SchedulerLock(name = "cwc-drain", lockAtMostFor = "${advocacy.cwc.drain.lock-at-most-for:PT1M}")
    void drain() {
        sender.drain();
    }

}
