package org.advocacy.legislators;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.advocacy.legislators.internal.RosterSyncRunRepository;
import org.advocacy.legislators.internal.ZctaDistrictRepository;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A short tag that changes whenever a lookup answer can change: when a roster sync writes rows or
 * the ZIP table is re-imported. Used for HTTP validators (ETag). Cached, refreshed on those events
 * in this instance and at least every minute for the others.
 */
@Component
public class LookupVersion {

    private static final Duration MAX_AGE = Duration.ofMinutes(1);

    private final RosterSyncRunRepository runs;
    private final ZctaDistrictRepository zctas;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Cached> cached = new AtomicReference<>();

    LookupVersion(RosterSyncRunRepository runs, ZctaDistrictRepository zctas) {
        this.runs = runs;
        this.zctas = zctas;
    }

    private record Cached(String tag, Instant at) {
    }

    // No transaction of its own: the cached answer needs no connection, and a refresh is two single reads.
    public String current() {
        Cached value = cached.get();
        if (value == null || value.at().plus(MAX_AGE).isBefore(clock.instant())) {
            value = new Cached("r" + runs.latestChangingRunId() + "z" + zctas.count(), clock.instant());
            cached.set(value);
        }
        return value.tag();
    }

    @EventListener
    void on(RosterSynced event) {
        cached.set(null);
    }

    @EventListener
    void on(DistrictsImported event) {
        cached.set(null);
    }
}
