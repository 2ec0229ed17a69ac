package org.advocacy.site.protection;

import java.time.Duration;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;

/**
 * One token bucket per client address, kept in memory in a bounded Caffeine store: at
 * most {@value #MAX_TRACKED_CLIENTS} addresses (the least used go first, which only ever
 * errs towards allowing), each forgotten once idle for longer than its buckets take to
 * refill, when a new bucket would be full anyway. Per instance: behind a load balancer
 * each instance counts the requests it serves (docs/scaling.md).
 */
public final class ClientBuckets {

    private static final int MAX_TRACKED_CLIENTS = 50_000;

    private final Supplier<Bucket> newBucket;

    private final Cache<String, Bucket> buckets;

    /**
     * {@code refillTime}: how long an empty bucket takes to fill again (the longest of
     * its limits' periods).
     */
    public ClientBuckets(Supplier<Bucket> newBucket, Duration refillTime) {
        this.newBucket = newBucket;
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_TRACKED_CLIENTS).expireAfterAccess(refillTime).build();
    }

    /**
     * Takes one token from the client's bucket; the probe says whether it was there and
     * when the next one is.
     */
    public ConsumptionProbe take(HttpServletRequest request) {
        return buckets.get(request.getRemoteAddr(), address -> newBucket.get()).tryConsumeAndReturnRemaining(1);
    }

}
