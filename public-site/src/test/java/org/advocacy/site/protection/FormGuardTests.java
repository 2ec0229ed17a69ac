package org.advocacy.site.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class FormGuardTests {

    private final MutableClock clock = new MutableClock();

    private static final byte[] KEY = "a server key of thirty-two bytes!".getBytes(StandardCharsets.UTF_8);

    private final FormGuard guard = new FormGuard(Duration.ofSeconds(2), Duration.ofHours(24), () -> KEY, clock);

    @Test
    void aFormSentBackAfterTheMinimumFillTimeWithAnEmptyHoneypotIsHuman() {
        String token = guard.issue();
        clock.advance(Duration.ofSeconds(3));
        assertThat(guard.isHuman(token, "")).isTrue();
        assertThat(guard.isHuman(token, null)).isTrue();
    }

    @Test
    void aFilledHoneypotIsABot() {
        String token = guard.issue();
        clock.advance(Duration.ofSeconds(30));
        assertThat(guard.isHuman(token, "http://spam.example")).isFalse();
    }

    @Test
    void aGenuineFormSentBackFasterThanTheMinimumFillTimeIsTooQuickNotABot() {
        String token = guard.issue();
        clock.advance(Duration.ofMillis(500));
        assertThat(guard.isHuman(token, "")).isFalse();
        assertThat(guard.check(token, "")).isEqualTo(FormGuard.Verdict.TOO_QUICK);
        clock.advance(Duration.ofSeconds(2));
        assertThat(guard.check(token, "")).isEqualTo(FormGuard.Verdict.HUMAN);
    }

    @Test
    void aQuickFormWithAFilledHoneypotOrAForgedTokenIsStillABot() {
        String token = guard.issue();
        clock.advance(Duration.ofMillis(500));
        assertThat(guard.check(token, "http://spam.example")).isEqualTo(FormGuard.Verdict.BOT);
        String[] parts = token.split("\\.");
        assertThat(guard.check(parts[0] + "." + parts[1] + "." + "b".repeat(22), "")).isEqualTo(FormGuard.Verdict.BOT);
        assertThat(guard.check(null, "")).isEqualTo(FormGuard.Verdict.BOT);
    }

    @Test
    void aMissingOrMalformedTokenIsABot() {
        assertThat(guard.isHuman(null, "")).isFalse();
        assertThat(guard.isHuman("1.abc", "")).isFalse();
        assertThat(guard.isHuman("letter:'; drop table", "")).isFalse();
    }

    @Test
    void aMadeUpTokenInTheIssuedShapeIsABot() {
        clock.advance(Duration.ofMinutes(1));
        String earlier = (clock.millis() - 60_000) + ".";
        // The shapes the attack used (time and random part) and the issued shape with a
        // guessed signature.
        assertThat(guard.isHuman(earlier + "a".repeat(43), "")).isFalse();
        assertThat(guard.isHuman(earlier + "a".repeat(22) + "." + "b".repeat(22), "")).isFalse();
    }

    @Test
    void aTamperedTokenIsABot() {
        String token = guard.issue();
        clock.advance(Duration.ofMinutes(5));
        String[] parts = token.split("\\.");
        // An earlier time, so that a quick bot would look slow enough: the signature no
        // longer matches.
        String backdated = (Long.parseLong(parts[0]) - 60_000) + "." + parts[1] + "." + parts[2];
        String otherRandom = parts[0] + "." + flip(parts[1]) + "." + parts[2];
        String otherSignature = parts[0] + "." + parts[1] + "." + flip(parts[2]);
        assertThat(guard.isHuman(token, "")).isTrue();
        assertThat(guard.isHuman(backdated, "")).isFalse();
        assertThat(guard.isHuman(otherRandom, "")).isFalse();
        assertThat(guard.isHuman(otherSignature, "")).isFalse();
    }

    @Test
    void aTokenSignedWithAnotherKeyIsABot() {
        FormGuard other = new FormGuard(Duration.ofSeconds(2), Duration.ofHours(24),
                () -> "another server key, 32 bytes lo".getBytes(StandardCharsets.UTF_8), clock);
        String token = other.issue();
        clock.advance(Duration.ofMinutes(5));
        assertThat(other.isHuman(token, "")).isTrue();
        assertThat(guard.isHuman(token, "")).isFalse();
    }

    @Test
    void anExpiredTokenIsABot() {
        String token = guard.issue();
        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(guard.isHuman(token, "")).isTrue();
        clock.advance(Duration.ofSeconds(2));
        assertThat(guard.isHuman(token, "")).isFalse();
    }

    @Test
    void anIssuedTokenFitsTheActionsIdempotencyKeys() {
        // "meeting:" + token + ":" + bioguide id must fit
        // supporter_action.idempotency_key, varchar(100).
        assertThat(("meeting:" + guard.issue() + ":A000000").length()).isLessThanOrEqualTo(100);
    }

    private static String flip(String part) {
        char first = part.charAt(0);
        return (first == 'A' ? 'B' : 'A') + part.substring(1);
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-01-23T12:00:00Z");

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
