package org.advocacy.site.protection;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.advocacy.shared.ServerSecrets;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Cheap protection for every public form, on top of CSRF and rate limits. Each rendered
 * form carries a token that is also the submission's idempotency key: the time it was
 * issued, a random part, and an HMAC-SHA256 of both under a server key, so that only
 * tokens this site issued count and their time cannot be made up. A honeypot field people
 * never see completes it. A filled honeypot, a token that was not issued here or one
 * older than {@code advocacy.site.form-token-max-age} is treated as a bot: accepted and
 * silently dropped. A form sent back faster than {@code advocacy.site.minimum-fill-time}
 * may be a quick person, so it is {@link Verdict#TOO_QUICK}: shown again with a notice,
 * never dropped.
 * <p>
 * The key is {@code advocacy.site.form-token-key} when configured; otherwise a random key
 * generated once and kept in the database ({@link ServerSecrets}), so tokens survive
 * restarts and work on every instance.
 */
@Component
public class FormGuard {

    /**
     * The honeypot's field name: a plausible name that form-filling bots are drawn to.
     */
    public static final String HONEYPOT = "website";

    private static final Logger log = LoggerFactory.getLogger(FormGuard.class);

    private static final Pattern TOKEN = Pattern.compile("^(\\d{13})\\.([A-Za-z0-9_-]{22})\\.([A-Za-z0-9_-]{22})$");

    private static final int RANDOM_BYTES = 16;

    /**
     * A truncated HMAC (128 bits), which keeps the token short enough for the idempotency
     * keys.
     */
    private static final int MAC_BYTES = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Instances' clocks may differ a little; a signed token from further in the future
     * than this is not ours.
     */
    private static final long MAX_CLOCK_SKEW_MILLIS = 60_000;

    private final Duration minimumFillTime;

    private final Duration maxAge;

    private final Supplier<SecretKeySpec> key;

    private final Clock clock;

    @Autowired
    FormGuard(@Value("${advocacy.site.minimum-fill-time:2s}") Duration minimumFillTime,
            @Value("${advocacy.site.form-token-max-age:24h}") Duration maxAge,
            @Value("${advocacy.site.form-token-key:}") String configuredKey, ServerSecrets secrets) {
        this(minimumFillTime, maxAge, key(configuredKey, secrets), Clock.systemUTC());
    }

    private static Supplier<byte[]> key(String configuredKey, ServerSecrets secrets) {
        if (!configuredKey.isBlank() && configuredKey.length() < 32) {
            throw new IllegalStateException("advocacy.site.form-token-key must be at least 32 characters long");
        }
        return SingletonSupplier.of(() -> {
            if (!configuredKey.isBlank()) {
                log.info("Form tokens are signed with the configured key (advocacy.site.form-token-key)");
                return configuredKey.getBytes(StandardCharsets.UTF_8);
            }
            log.info("Form tokens are signed with the key generated once and kept in the database (server_secret)");
            return secrets.secret("form-token-key", 32);
        });
    }

    FormGuard(Duration minimumFillTime, Duration maxAge, Supplier<byte[]> key, Clock clock) {
        this.minimumFillTime = minimumFillTime;
        this.maxAge = maxAge;
        this.key = SingletonSupplier.of(() -> new SecretKeySpec(key.get(), "HmacSHA256"));
        this.clock = clock;
    }

    /** A fresh token for a form about to be rendered. */
    public String issue() {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        String issued = clock.millis() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return issued + "." + mac(issued);
    }

    /** What to do with a submission. */
    public enum Verdict {

        /** Looks like a person's: go on. */
        HUMAN,
        /**
         * A genuine token sent back sooner than the minimum fill time: show the form
         * again with a notice.
         */
        TOO_QUICK,
        /**
         * A filled honeypot or a token that is forged, malformed or expired: accept and
         * drop silently.
         */
        BOT

    }

    /**
     * Whether a submission looks like a person's: a token issued here, neither too fast
     * nor too old, an empty honeypot.
     */
    public boolean isHuman(@Nullable String formToken, @Nullable String honeypot) {
        return check(formToken, honeypot) == Verdict.HUMAN;
    }

    /** Judges a submission: see {@link Verdict}. */
    public Verdict check(@Nullable String formToken, @Nullable String honeypot) {
        if (honeypot != null && !honeypot.isEmpty()) {
            return Verdict.BOT;
        }
        if (formToken == null) {
            return Verdict.BOT;
        }
        Matcher matcher = TOKEN.matcher(formToken);
        if (!matcher.matches()) {
            return Verdict.BOT;
        }
        byte[] expected = mac(matcher.group(1) + "." + matcher.group(2)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, matcher.group(3).getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.BOT;
        }
        long age = clock.millis() - Long.parseLong(matcher.group(1));
        if (age > maxAge.toMillis() || age < -MAX_CLOCK_SKEW_MILLIS) {
            return Verdict.BOT;
        }
        return age < minimumFillTime.toMillis() ? Verdict.TOO_QUICK : Verdict.HUMAN;
    }

    private String mac(String issued) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key.get());
            byte[] full = hmac.doFinal(issued.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, MAC_BYTES));
        }
        catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

}
