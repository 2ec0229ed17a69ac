package org.advocacy.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class PublicContentMemoTests {

    private final PublicContentVersion version = new PublicContentVersion();
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void aValueIsReadOncePerContentVersion() {
        PublicContentMemo<String, String> memo = version.memo(10);

        assertThat(memo.get("tsra", this::read)).isEqualTo("read 1");
        assertThat(memo.get("tsra", this::read)).isEqualTo("read 1");
        version.changed();
        assertThat(memo.get("tsra", this::read)).isEqualTo("read 2");
        assertThat(reads).hasValue(2);
    }

    @Test
    void nothingIsRememberedForAnAbsentValue() {
        PublicContentMemo<String, String> memo = version.memo(10);

        assertThat(memo.get("gone", () -> null)).isNull();
        assertThat(memo.get("gone", this::read)).isEqualTo("read 1");
    }

    @Test
    void aFullMemoStartsAgainAndClearForgetsEverything() {
        PublicContentMemo<Integer, String> memo = version.memo(2);
        memo.get(1, this::read);
        memo.get(2, this::read);
        memo.get(3, this::read);
        assertThat(memo.get(1, this::read)).as("emptied when full").isEqualTo("read 4");

        memo.clear();
        assertThat(memo.get(1, this::read)).isEqualTo("read 5");
    }

    private String read() {
        return "read " + reads.incrementAndGet();
    }
}
