package org.advocacy.batch.roster;

import org.advocacy.batch.JobInputReader;
import org.advocacy.legislators.RosterService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start, when no roster was ever synced, loads the snapshot bundled with the
 * application, so that a new installation names the right members at once and without the
 * network. The nightly sync brings it up to date. A single cheap query when the roster is
 * already there. Off with {@code advocacy.roster.load-on-start=false}, and when the
 * process only runs a job.
 */
@Component
@Order(10)
class RosterLoadOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RosterLoadOnStart.class);

    private final RosterService roster;

    private final JobInputReader sources;

    private final RosterProperties properties;

    private final boolean runningAJob;

    RosterLoadOnStart(RosterService roster, JobInputReader sources, RosterProperties properties,
            @Value("${advocacy.run-job:}") String runJob) {
        this.runningAJob = !runJob.isBlank();
        this.roster = roster;
        this.sources = sources;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (runningAJob || !properties.loadOnStart() || roster.hasCompletedSync()) {
            return;
        }
        var members = RosterParser.parse(sources.read(RosterProperties.BUNDLED + RosterParser.LEGISLATORS),
                sources.read(RosterProperties.BUNDLED + RosterParser.OFFICES),
                sources.read(RosterProperties.BUNDLED + RosterParser.SOCIAL));
        var summary = roster.sync(members, null);
        log.info("Loaded the bundled roster snapshot: {}", summary.describe());
    }

}
