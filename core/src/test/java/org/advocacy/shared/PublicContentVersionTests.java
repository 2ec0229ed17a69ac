package org.advocacy.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

class PublicContentVersionTests {

    private final CacheManager caches = new CacheConfiguration().cacheManager(Duration.ofSeconds(30),
            Duration.ofMinutes(10));

    // Never used to connect in these tests: only movedHere() is called, which tells no
    // one.
    private final PublicContentVersion version = new PublicContentVersion(caches,
            new PublicContentNotifications(new SimpleDriverDataSource()));

    private final org.springframework.cache.Cache answers = caches.getCache(CacheNames.LOOKUP_ANSWERS);

    @Test
    void aValueIsReadOnceAndServedUntilTheVersionMoves() {
        AtomicInteger reads = new AtomicInteger();
        assertThat(version.<String>cached(answers, "05401", () -> "read " + reads.incrementAndGet()))
            .isEqualTo("read 1");
        assertThat(version.<String>cached(answers, "05401", () -> "read " + reads.incrementAndGet()))
            .isEqualTo("read 1");

        version.movedHere();

        assertThat(version.<String>cached(answers, "05401", () -> "read " + reads.incrementAndGet()))
            .isEqualTo("read 2");
        assertThat(nativeCache(CacheNames.LOOKUP_ANSWERS).estimatedSize()).as("the old entry is gone, not just unused")
            .isOne();
    }

    @Test
    void aValueReadWhileTheVersionMovesIsNeverServedAfterwards() {
        assertThat(version.<String>cached(answers, "05401", () -> {
            version.movedHere(); // an edit commits during the read
            return "old rows";
        })).isEqualTo("old rows");

        assertThat(version.<String>cached(answers, "05401", () -> "new rows")).isEqualTo("new rows");
    }

    @Test
    void aFailedReadIsThrownAsItIsAndNothingIsCached() {
        IllegalStateException failure = new IllegalStateException("database down");
        assertThatThrownBy(() -> version.cached(answers, "05401", () -> {
            throw failure;
        })).isSameAs(failure);

        assertThat(version.<String>cached(answers, "05401", () -> "read again")).isEqualTo("read again");
    }

    @Test
    void everyCacheIsNamedAndBoundedAndNoOtherIsMadeOnDemand() {
        assertThat(caches.getCacheNames()).containsExactlyInAnyOrderElementsOf(CacheNames.FOLLOWING_PUBLIC_CONTENT);
        for (String name : CacheNames.FOLLOWING_PUBLIC_CONTENT) {
            assertThat(nativeCache(name).policy().eviction()).as(name + " is bounded").isPresent();
        }
        assertThat(caches.getCache("anything-else")).isNull();
    }

    private Cache<Object, Object> nativeCache(String name) {
        return ((CaffeineCache) caches.getCache(name)).getNativeCache();
    }

}
