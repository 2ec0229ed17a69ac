package org.advocacy.batch.cwc;

import org.advocacy.BatchTestApplication;
import org.springframework.boot.SpringApplication;

/**
 * The batch application as a process of its own, for
 * {@link CwcDrainKillIntegrationTests}: it starts, its poller drains the CWC outbox, and
 * the test kills it with SIGKILL. Settings come as {@code --name=value} arguments.
 */
public final class CwcDrainProcess {

    private CwcDrainProcess() {
    }

    public static void main(String[] args) {
        SpringApplication.run(BatchTestApplication.class, args);
    }

}
