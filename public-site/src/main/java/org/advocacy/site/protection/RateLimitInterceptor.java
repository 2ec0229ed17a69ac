package org.advocacy.site.protection;

import java.time.Duration;
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
 * Limits form posts per client IP address (a burst per minute and a total per hour), so
 * that one client cannot flood actions, sign-ups or stories. Pages that only read are not
 * limited.
 */
@Component
class RateLimitInterceptor implements HandlerInterceptor {

    private final ClientBuckets buckets;

    RateLimitInterceptor(@Value("${advocacy.site.rate-limit.posts-per-minute:20}") int perMinute,
            @Value("${advocacy.site.rate-limit.posts-per-hour:200}") int perHour) {
        this.buckets = new ClientBuckets(() -> Bucket.builder()
            .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
            .addLimit(Bandwidth.builder().capacity(perHour).refillIntervally(perHour, Duration.ofHours(1)).build())
            .build(), Duration.ofHours(1));
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"POST".equals(request.getMethod())) {
            return true;
        }
        ConsumptionProbe probe = buckets.take(request);
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException(
                    Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill())));
        }
        return true;
    }

}
