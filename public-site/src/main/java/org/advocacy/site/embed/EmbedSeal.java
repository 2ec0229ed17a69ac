package org.advocacy.site.embed;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.advocacy.campaigns.ActionKind;
import org.advocacy.shared.ServerSecrets;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Seals {@link EmbedState} with AES-256-GCM under a key kept in the database
 * ({@link ServerSecrets}), so every instance reads what another sealed. Authenticated
 * encryption: a changed or made-up state does not open, and the supporter's id in it
 * cannot be read from a link. A state older than {@code advocacy.embed.state-max-age}
 * does not open either.
 */
@Component
class EmbedSeal {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final int IV_BYTES = 12;

    private static final byte[] CONTEXT = "advocacy-embed-state-v1".getBytes(StandardCharsets.US_ASCII);

    private static final int MAX_SEALED_LENGTH = 2000;

    private final Supplier<SecretKeySpec> key;

    private final Duration maxAge;

    private final Clock clock;

    @Autowired
    EmbedSeal(ServerSecrets secrets, @Value("${advocacy.embed.state-max-age:24h}") Duration maxAge) {
        this(() -> secrets.secret("embed-state-key", 32), maxAge, Clock.systemUTC());
    }

    EmbedSeal(Supplier<byte[]> key, Duration maxAge, Clock clock) {
        this.key = SingletonSupplier.of(() -> new SecretKeySpec(key.get(), "AES"));
        this.maxAge = maxAge;
        this.clock = clock;
    }

    long now() {
        return clock.millis();
    }

    String seal(EmbedState state) {
        List<String> fields = List.of(state.slug(), state.partner(),
                String.join(",", state.actions().stream().map(ActionKind::name).toList()), state.language(),
                Boolean.toString(state.signup()), state.button(), state.widget(),
                state.supporterId() == null ? "" : state.supporterId().toString(), state.zip(), state.district(),
                Long.toString(state.issuedAt()));
        byte[] plain = String.join("\u0000", fields).getBytes(StandardCharsets.UTF_8);
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.get(), new GCMParameterSpec(128, iv));
            cipher.updateAAD(CONTEXT);
            byte[] sealed = cipher.doFinal(plain);
            return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** The state, if {@code sealed} is one this site sealed and it is not too old. */
    Optional<EmbedState> open(@Nullable String sealed) {
        if (sealed == null || sealed.isEmpty() || sealed.length() > MAX_SEALED_LENGTH) {
            return Optional.empty();
        }
        try {
            byte[] all = Base64.getUrlDecoder().decode(sealed);
            if (all.length <= IV_BYTES + 16) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(128, Arrays.copyOf(all, IV_BYTES)));
            cipher.updateAAD(CONTEXT);
            String plain = new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
            String[] f = plain.split("\u0000", -1);
            if (f.length != 11) {
                return Optional.empty();
            }
            long issuedAt = Long.parseLong(f[10]);
            long age = clock.millis() - issuedAt;
            if (age > maxAge.toMillis() || age < -60_000) {
                return Optional.empty();
            }
            List<ActionKind> actions = new ArrayList<>();
            for (String kind : f[2].split(",")) {
                if (!kind.isEmpty()) {
                    actions.add(ActionKind.valueOf(kind));
                }
            }
            return Optional.of(new EmbedState(f[0], f[1], actions, f[3], Boolean.parseBoolean(f[4]), f[5], f[6],
                    f[7].isEmpty() ? null : Long.valueOf(f[7]), f[8], f[9], issuedAt));
        }
        catch (IllegalArgumentException | GeneralSecurityException e) {
            // Not base64, not ours, tampered with: all the same to the visitor.
            return Optional.empty();
        }
    }

}
