package org.advocacy.site.protection;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Limits form posts per client IP address (a burst per minute and a total per hour), so that one
 * client cannot flood actions, sign-ups or stories. Pages that only read are not limited.
 */
@Component
class RateLimitInterceptor implements HandlerInterceptor {

    /** Forget idle clients once this many are tracked, so the map cannot grow without bound. */
    private static final int MAX_TRACKED_CLIENTS = 50_000;

    private final int perMinute;
    private final int perHour;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimitInterceptor(@Value("${advocacy.site.rate-limit.posts-per-minute:20}") int perMinute,
                         @Value("${advocacy.site.rate-limit.posts-per-hour:200}") int perHour) {
        this.perMinute = perMinute;
        this.perHour = perHour;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"POST".equals(request.getMethod())) {
            return true;
        }
        if (buckets.size() > MAX_TRACKED_CLIENTS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(request.getRemoteAddr(), ip -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill())));
        }
        return true;
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .addLimit(Bandwidth.builder().capacity(perHour).refillIntervally(perHour, Duration.ofHours(1)).build())
                .build();
    }
}
