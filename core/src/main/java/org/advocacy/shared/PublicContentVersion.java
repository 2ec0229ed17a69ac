package org.advocacy.shared;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

/**
 * A counter that moves whenever anything shown on public pages changes (campaigns, bills,
 * stories, toolkit entries, the roster, the ZIP table). Caches of public content key
 * their entries with it ({@link #key(Object)}) and are emptied when it moves, so a staff
 * edit shows on the next request. It moves on every instance:
 * {@link PublicContentNotifications} tells the others, who move theirs within a second of
 * the commit.
 */
@Component
public class PublicContentVersion {

    /** A cache key valid at one version only. */
    record VersionedKey(long version, Object key) {
    }

    private final AtomicLong version = new AtomicLong();

    private final List<Cache> following;

    private final PublicContentNotifications notifications;

    PublicContentVersion(CacheManager caches, PublicContentNotifications notifications) {
        this.following = CacheNames.FOLLOWING_PUBLIC_CONTENT.stream()
            .map(name -> Objects.requireNonNull(caches.getCache(name), name))
            .toList();
        this.notifications = notifications;
    }

    public long current() {
        return version.get();
    }

    /**
     * The key under which to cache a value read now: the version is taken before the
     * read, so a value read while an edit commits is stored under the old version and
     * never served again.
     */
    public Object key(Object key) {
        return new VersionedKey(version.get(), key);
    }

    /**
     * The value cached under {@code key} at the current version, or the one {@code read}
     * returns now (cached, even when null; concurrent reads of one key wait for the one
     * read). An exception from {@code read} is thrown as it is, and nothing is cached.
     */
    public <T> @Nullable T cached(Cache cache, Object key, Supplier<? extends @Nullable T> read) {
        try {
            return cache.get(key(key), read::get);
        }
        catch (Cache.ValueRetrievalException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Public content is being written in the current transaction: moves the version here
     * now, and here and on every other instance once the transaction commits.
     */
    public void changing() {
        movedHere();
        notifications.afterCommit(this::movedHere);
    }

    /**
     * Public content has been replaced and committed (after-commit event listeners):
     * moves the version everywhere now.
     */
    public void changed() {
        movedHere();
        notifications.sendNow();
    }

    /** Moves the version on this instance only, for changes another instance made. */
    void movedHere() {
        version.incrementAndGet();
        following.forEach(Cache::clear);
    }

}
