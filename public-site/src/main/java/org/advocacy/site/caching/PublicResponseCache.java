package org.advocacy.site.caching;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.advocacy.legislators.DistrictsImported;
import org.advocacy.legislators.RosterSynced;
import org.advocacy.shared.PublicContentVersion;
import org.advocacy.stories.StoryConsentWithdrawn;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.util.unit.DataSize;

/**
 * The store behind {@link PublicResponseCacheFilter}. An entry is valid only at the
 * public content version it was rendered at, so a staff edit shows on the next request;
 * within a version it is fresh for {@code advocacy.site.response-cache.fresh-for} (which
 * bounds how old the action counters can be), then served stale while one request renders
 * it again, and dropped after {@code max-stale} (which bounds how long pages outlive a
 * database outage). Size is bounded in bytes, least recently used first out.
 */
@Component
class PublicResponseCache {

    /**
     * Answers served from the cache and answers rendered (then stored or not) since
     * start.
     */
    record Statistics(long hits, long misses) {
    }

    private final Cache<String, CachedResponse> entries;

    private final PublicContentVersion contentVersion;

    private final Duration freshFor;

    private final Clock clock;

    private final AtomicLong hits = new AtomicLong();

    private final AtomicLong misses = new AtomicLong();

    PublicResponseCache(PublicContentVersion contentVersion,
            @Value("${advocacy.site.response-cache.fresh-for:10s}") Duration freshFor,
            @Value("${advocacy.site.response-cache.max-stale:2m}") Duration maxStale,
            @Value("${advocacy.site.response-cache.max-size:32MB}") DataSize maxSize) {
        this.contentVersion = contentVersion;
        this.freshFor = freshFor;
        this.clock = Clock.systemUTC();
        this.entries = Caffeine.newBuilder()
            .maximumWeight(maxSize.toBytes())
            .weigher((String key, CachedResponse entry) -> entry.weight())
            .expireAfterWrite(maxStale.plus(freshFor))
            .build();
    }

    /**
     * The entry for this key if it was rendered at the current content version (fresh or
     * stale).
     */
    @Nullable CachedResponse find(String key) {
        CachedResponse entry = entries.getIfPresent(key);
        return entry == null || entry.version() != contentVersion.current() ? null : entry;
    }

    void served() {
        hits.incrementAndGet();
    }

    void rendered() {
        misses.incrementAndGet();
    }

    long currentVersion() {
        return contentVersion.current();
    }

    Instant now() {
        return clock.instant();
    }

    Instant freshUntil() {
        return clock.instant().plus(freshFor);
    }

    void put(String key, CachedResponse entry) {
        // Rendered at an older version than the current one: an edit landed meanwhile,
        // keep nothing.
        if (entry.version() == contentVersion.current()) {
            entries.put(key, entry);
        }
    }

    Statistics statistics() {
        return new Statistics(hits.get(), misses.get());
    }

    void clear() {
        entries.invalidateAll();
    }

    /**
     * After the commit, so that no request in between can store the old content again.
     */
    @TransactionalEventListener(classes = { RosterSynced.class, DistrictsImported.class, StoryConsentWithdrawn.class },
            fallbackExecution = true)
    void publicContentReplaced() {
        clear();
    }

}
