package org.advocacy.site.caching;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;

/**
 * A stored 200 answer: its body, content type, language and headers (the security headers
 * included), the public content version it was rendered at, and until when it is fresh.
 * After that it is stale: one request renders it again while the others are still served
 * this copy.
 */
record CachedResponse(byte[] body, String contentType, @Nullable Locale contentLanguage,
        Map<String, List<String>> headers, @Nullable String etag, long version, Instant freshUntil,
        AtomicBoolean refreshing) {

    boolean isFresh(Instant now) {
        return now.isBefore(freshUntil);
    }

    /**
     * True for exactly one caller until {@link #refreshDone()}: that caller renders the
     * page again.
     */
    boolean claimRefresh() {
        return refreshing.compareAndSet(false, true);
    }

    void refreshDone() {
        refreshing.set(false);
    }

    /**
     * Bytes held, for the cache's size limit (headers are small and about the same for
     * every entry).
     */
    int weight() {
        return body.length + 1024;
    }
}
