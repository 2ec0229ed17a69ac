package org.advocacy.site.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.advocacy.campaigns.ActionKind;
import org.junit.jupiter.api.Test;

/**
 * The embedded forms' tokens and sealed state, on their own (the integration tests post
 * them for real).
 */
class EmbedFormTokensTests {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final MovableClock clock = new MovableClock();

    private final EmbedFormTokens tokens = new EmbedFormTokens(() -> KEY, Duration.ofHours(2), Duration.ofSeconds(2),
            clock);

    @Test
    void aTokenFitsOnlyTheFormItWasIssuedFor() {
        String letter = EmbedFormTokens.binding("letter", "tsra", "STATE", "B001318,S000033");
        String token = tokens.issue(letter);
        clock.advance(Duration.ofSeconds(5));
        assertThat(tokens.check(token, letter)).isEqualTo(EmbedFormTokens.Check.VALID);
        assertThat(tokens.check(token, EmbedFormTokens.binding("call", "tsra", "STATE", "0", "B001318")))
            .isEqualTo(EmbedFormTokens.Check.FORGED);
        assertThat(tokens.check(token, EmbedFormTokens.binding("letter", "tsra", "OTHER-STATE", "B001318,S000033")))
            .isEqualTo(EmbedFormTokens.Check.FORGED);
        assertThat(tokens.check(token, EmbedFormTokens.binding("letter", "other", "STATE", "B001318,S000033")))
            .isEqualTo(EmbedFormTokens.Check.FORGED);
    }

    @Test
    void aMadeUpOrChangedTokenIsForged() {
        String binding = EmbedFormTokens.binding("start", "tsra", "STATE");
        String token = tokens.issue(binding);
        clock.advance(Duration.ofSeconds(5));
        String[] parts = token.split("\\.");
        String otherTime = (Long.parseLong(parts[0]) - 1000) + "." + parts[1] + "." + parts[2];
        assertThat(tokens.check(otherTime, binding)).isEqualTo(EmbedFormTokens.Check.FORGED);
        assertThat(tokens.check(null, binding)).isEqualTo(EmbedFormTokens.Check.FORGED);
        assertThat(tokens.check("1.2.3", binding)).isEqualTo(EmbedFormTokens.Check.FORGED);
        EmbedFormTokens otherKey = new EmbedFormTokens(
                () -> "another key, another key, another!".getBytes(StandardCharsets.US_ASCII), Duration.ofHours(2),
                Duration.ZERO, clock);
        assertThat(tokens.check(otherKey.issue(binding), binding)).isEqualTo(EmbedFormTokens.Check.FORGED);
    }

    @Test
    void aTokenIsTooQuickAtFirstAndExpiresAfterItsMaximumAge() {
        String binding = EmbedFormTokens.binding("start", "tsra", "STATE");
        String token = tokens.issue(binding);
        assertThat(tokens.check(token, binding)).isEqualTo(EmbedFormTokens.Check.TOO_QUICK);
        clock.advance(Duration.ofHours(2).minusSeconds(1));
        assertThat(tokens.check(token, binding)).isEqualTo(EmbedFormTokens.Check.VALID);
        clock.advance(Duration.ofSeconds(2));
        assertThat(tokens.check(token, binding)).isEqualTo(EmbedFormTokens.Check.EXPIRED);
    }

    @Test
    void theSealedStateOpensUnchangedAndOnlyUnchangedAndNotTooOld() {
        EmbedSeal seal = new EmbedSeal(() -> KEY, Duration.ofHours(24), clock);
        EmbedState state = new EmbedState("tsra", "https://news.example", List.of(ActionKind.LETTER, ActionKind.CALL),
                "es", false, "Escribir ya", "w2", 42L, "05401", "VT-0", clock.millis());
        String sealed = seal.seal(state);
        assertThat(sealed).doesNotContain("news").doesNotContain("05401");
        assertThat(seal.open(sealed)).contains(state);

        char last = sealed.charAt(10);
        String changed = sealed.substring(0, 10) + (last == 'A' ? 'B' : 'A') + sealed.substring(11);
        assertThat(seal.open(changed)).isEmpty();
        assertThat(seal.open("not base64 at all!")).isEmpty();
        assertThat(new EmbedSeal(() -> "another key, another key, another!".getBytes(StandardCharsets.US_ASCII),
                Duration.ofHours(24), clock)
            .open(sealed)).isEmpty();
        clock.advance(Duration.ofHours(25));
        assertThat(seal.open(sealed)).isEqualTo(Optional.empty());
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-12-01T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

    }

}
