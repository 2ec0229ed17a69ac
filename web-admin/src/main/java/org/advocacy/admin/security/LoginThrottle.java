package org.advocacy.admin.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Console login attempts per client address. Every attempt takes a token and a successful
 * login gives it back, so what is limited is failed attempts: an office behind one
 * address can log in all day, one address cannot guess at passwords (or lock accounts)
 * quickly. The per-account lock (five failures in a row) stays as well, for guessing
 * spread over many addresses.
 */
final class LoginThrottle {

    private static final int MAX_TRACKED_ADDRESSES = 50_000;

    private final int attempts;

    private final Duration period;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    LoginThrottle(int attempts, Duration period) {
        this.attempts = attempts;
        this.period = period;
    }

    /** Takes one attempt from the address's allowance; false when there is none left. */
    boolean tryAttempt(String address) {
        if (buckets.size() > MAX_TRACKED_ADDRESSES) {
            // Forgetting everyone at once can only ever err towards allowing; the account
            // lock still holds.
            buckets.clear();
        }
        return buckets
            .computeIfAbsent(address,
                    key -> Bucket.builder()
                        .addLimit(Bandwidth.builder().capacity(attempts).refillGreedy(attempts, period).build())
                        .build())
            .tryConsume(1);
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null) {
            Bucket bucket = buckets.get(details.getRemoteAddress());
            if (bucket != null) {
                bucket.addTokens(1);
            }
        }
    }

}
