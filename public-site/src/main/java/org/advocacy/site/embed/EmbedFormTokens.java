package org.advocacy.site.embed;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * CSRF protection without cookies for the embedded forms. Each rendered form carries a
 * token: the time it was issued, a random part, and an HMAC-SHA256 over both together
 * with what the form is for (its purpose, the campaign, the sealed state and the hidden
 * fields that fix its target). A token therefore only fits the one form it was rendered
 * into: changed hidden fields, a token copied into another form and a made-up token all
 * fail, and a token older than {@code advocacy.embed.form-token-max-age} has expired. The
 * random part is the submission's idempotency key, so a replayed post records nothing.
 */
@Component
class EmbedFormTokens {

    /** What a submitted token turned out to be. */
    enum Check {

        VALID,
        /**
         * Genuine, but sent back sooner than a person usually could: shown again with a
         * notice.
         */
        TOO_QUICK,
        /** Not issued for this form: made up, changed, or taken from another form. */
        FORGED, EXPIRED

    }

    private static final Pattern TOKEN = Pattern.compile("^(\\d{13})\\.([A-Za-z0-9_-]{22})\\.([A-Za-z0-9_-]{43})$");

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final long MAX_CLOCK_SKEW_MILLIS = 60_000;

    private final Supplier<SecretKeySpec> key;

    private final Duration maxAge;

    private final Duration minimumFillTime;

    private final Clock clock;

    @Autowired
    EmbedFormTokens(ServerSecrets secrets, @Value("${advocacy.embed.form-token-max-age:2h}") Duration maxAge,
            @Value("${advocacy.site.minimum-fill-time:2s}") Duration minimumFillTime) {
        this(() -> secrets.secret("embed-form-key", 32), maxAge, minimumFillTime, Clock.systemUTC());
    }

    EmbedFormTokens(Supplier<byte[]> key, Duration maxAge, Duration minimumFillTime, Clock clock) {
        this.key = SingletonSupplier.of(() -> new SecretKeySpec(key.get(), "HmacSHA256"));
        this.maxAge = maxAge;
        this.minimumFillTime = minimumFillTime;
        this.clock = clock;
    }

    /**
     * A token for one form: {@code binding} is what the form is for, see
     * {@link #binding}.
     */
    String issue(String binding) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String issued = clock.millis() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return issued + "." + mac(issued, binding);
    }

    Check check(@Nullable String token, String binding) {
        if (token == null) {
            return Check.FORGED;
        }
        Matcher matcher = TOKEN.matcher(token);
        if (!matcher.matches()) {
            return Check.FORGED;
        }
        byte[] expected = mac(matcher.group(1) + "." + matcher.group(2), binding).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, matcher.group(3).getBytes(StandardCharsets.US_ASCII))) {
            return Check.FORGED;
        }
        long age = clock.millis() - Long.parseLong(matcher.group(1));
        if (age < -MAX_CLOCK_SKEW_MILLIS) {
            return Check.FORGED;
        }
        if (age > maxAge.toMillis()) {
            return Check.EXPIRED;
        }
        return age < minimumFillTime.toMillis() ? Check.TOO_QUICK : Check.VALID;
    }

    /** The random part of a well-formed token: the submission's idempotency key. */
    static String nonce(String token) {
        return token.split("\\.")[1];
    }

    /**
     * What a form is for, from its purpose and the fields that fix it (each field on its
     * own line).
     */
    static String binding(String purpose, String slug, String sealedState, String... fields) {
        return purpose + "\n" + slug + "\n" + sealedState + "\n" + String.join("\n", fields);
    }

    private String mac(String issued, String binding) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key.get());
            hmac.update(binding.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            byte[] full = hmac.doFinal(issued.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 32));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

}
