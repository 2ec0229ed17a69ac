package org.advocacy.site.lookup;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Requests per minute per client address for lookups ({@code advocacy.lookup.rate-limit-per-minute}).
 * Kept in memory; the map is cleared when it grows large, which only ever errs towards allowing.
 */
@Component
class LookupRateLimiter {

    private static final int MAX_CLIENTS = 50_000;

    private final long perMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    LookupRateLimiter(@Value("${advocacy.lookup.rate-limit-per-minute:120}") long perMinute) {
        this.perMinute = perMinute;
    }

    boolean allows(HttpServletRequest request) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(request.getRemoteAddr(), address -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build()).tryConsume(1);
    }
}
