package org.advocacy.site.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class FormGuardTests {

    private final MutableClock clock = new MutableClock();
    private final FormGuard guard = new FormGuard(Duration.ofSeconds(2), clock);

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
    void aFormSentBackFasterThanAPersonCouldFillItIsABot() {
        String token = guard.issue();
        clock.advance(Duration.ofMillis(500));
        assertThat(guard.isHuman(token, "")).isFalse();
    }

    @Test
    void aMissingOrForgedTokenIsABot() {
        assertThat(guard.isHuman(null, "")).isFalse();
        assertThat(guard.isHuman("1.abc", "")).isFalse();
        assertThat(guard.isHuman("letter:'; drop table", "")).isFalse();
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-01-23T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
