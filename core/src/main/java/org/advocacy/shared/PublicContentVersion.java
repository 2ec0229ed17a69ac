package org.advocacy.shared;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * A counter that moves whenever anything shown on public pages changes (campaigns, bills, stories,
 * toolkit entries, the roster). Caches of public pages compare it instead of waiting for a time to
 * live, so a staff edit shows at once. It is per process; caches keep a short time to live as well
 * for other instances.
 */
@Component
public class PublicContentVersion {

    private final AtomicLong version = new AtomicLong();

    public long current() {
        return version.get();
    }

    /** A memo of values valid until public content changes, holding at most {@code maxEntries}. */
    public <K, V> PublicContentMemo<K, V> memo(int maxEntries) {
        return new PublicContentMemo<>(this, maxEntries);
    }

    void changed() {
        version.incrementAndGet();
    }
}
