package org.advocacy.batch.roster;

import org.advocacy.batch.JobInputReader;
import org.advocacy.batch.LoadOnStart;
import org.advocacy.legislators.RosterService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start, when no roster was ever synced, loads the snapshot bundled with the
 * application, so that a new installation names the right members at once. The nightly
 * sync brings it up to date. Off with {@code advocacy.roster.load-on-start=false}.
 */
@Component
@Order(10)
class RosterLoadOnStart extends LoadOnStart {

    private final RosterService roster;

    private final JobInputReader sources;

    RosterLoadOnStart(RosterService roster, JobInputReader sources, RosterProperties properties,
            @Value("${advocacy.run-job:}") String runJob) {
        super(properties.loadOnStart(), runJob);
        this.roster = roster;
        this.sources = sources;
    }

    @Override
    protected boolean loaded() {
        return roster.hasCompletedSync();
    }

    @Override
    protected String load() {
        var members = RosterParser.parse(sources.read(RosterProperties.BUNDLED + RosterParser.LEGISLATORS),
                sources.read(RosterProperties.BUNDLED + RosterParser.OFFICES),
                sources.read(RosterProperties.BUNDLED + RosterParser.SOCIAL));
        return "Loaded the bundled roster snapshot: " + roster.sync(members, null).describe();
    }

}
