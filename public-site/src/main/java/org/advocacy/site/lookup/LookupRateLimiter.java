package org.advocacy.site.lookup;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.advocacy.site.protection.ClientBuckets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Requests per minute per client address for lookups
 * ({@code advocacy.lookup.rate-limit-per-minute}). One bucket per client address
 * ({@link ClientBuckets}).
 */
@Component
class LookupRateLimiter {

    private final ClientBuckets buckets;

    LookupRateLimiter(@Value("${advocacy.lookup.rate-limit-per-minute:120}") long perMinute) {
        this.buckets = new ClientBuckets(() -> Bucket.builder()
            .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
            .build(), Duration.ofMinutes(1));
    }

    boolean allows(HttpServletRequest request) {
        return buckets.take(request).isConsumed();
    }

}
