package org.advocacy.legislators;

import java.util.Objects;

import org.advocacy.legislators.internal.RosterSyncRunRepository;
import org.advocacy.legislators.internal.ZctaDistrictRepository;
import org.advocacy.shared.CacheNames;
import org.advocacy.shared.PublicContentVersion;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

/**
 * A short tag that changes whenever a lookup answer can change: when a roster sync writes
 * rows or the ZIP table is re-imported. Used for HTTP validators (ETag). Cached
 * ({@link CacheNames#LOOKUP_VERSION}) until public content changes on any instance, at
 * most a minute.
 */
@Component
public class LookupVersion {

    private final RosterSyncRunRepository runs;

    private final ZctaDistrictRepository zctas;

    private final PublicContentVersion contentVersion;

    private final Cache cache;

    LookupVersion(RosterSyncRunRepository runs, ZctaDistrictRepository zctas, PublicContentVersion contentVersion,
            CacheManager caches) {
        this.runs = runs;
        this.zctas = zctas;
        this.contentVersion = contentVersion;
        this.cache = Objects.requireNonNull(caches.getCache(CacheNames.LOOKUP_VERSION));
    }

    // No transaction of its own: the cached answer needs no connection, and a refresh is
    // two single reads.
    public String current() {
        return Objects.requireNonNull(
                contentVersion.cached(cache, "tag", () -> "r" + runs.latestChangingRunId() + "z" + zctas.count()));
    }

}
