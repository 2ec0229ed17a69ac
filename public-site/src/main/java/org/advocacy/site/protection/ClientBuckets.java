package org.advocacy.site.protection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;

/**
 * One token bucket per client address, kept in memory. Idle clients are forgotten all at once when
 * too many are tracked, so the map cannot grow without bound; that only ever errs towards allowing.
 */
public final class ClientBuckets {

    private static final int MAX_TRACKED_CLIENTS = 50_000;

    private final Supplier<Bucket> newBucket;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public ClientBuckets(Supplier<Bucket> newBucket) {
        this.newBucket = newBucket;
    }

    /** Takes one token from the client's bucket; the probe says whether it was there and when the next one is. */
    public ConsumptionProbe take(HttpServletRequest request) {
        if (buckets.size() > MAX_TRACKED_CLIENTS) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(request.getRemoteAddr(), address -> newBucket.get()).tryConsumeAndReturnRemaining(1);
    }
}
