package org.advocacy.shared;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Values read from the database that stay valid until public content changes: each is kept with the
 * {@link PublicContentVersion} it was read at and read again once the version has moved. Bounded: it
 * is emptied when it holds {@code maxEntries}, which only costs a few reads again. Make one with
 * {@link PublicContentVersion#memo(int)}.
 */
public final class PublicContentMemo<K, V> {

    private record Remembered<V>(long version, V value) {
    }

    private final PublicContentVersion contentVersion;
    private final int maxEntries;
    private final Map<K, Remembered<V>> entries = new ConcurrentHashMap<>();

    PublicContentMemo(PublicContentVersion contentVersion, int maxEntries) {
        this.contentVersion = contentVersion;
        this.maxEntries = maxEntries;
    }

    /**
     * The value remembered for the key at the current version, or the one {@code read} returns now
     * (remembered unless it is null). The version is taken before the read, so a value read while an
     * edit commits is read again on the next call.
     */
    public @Nullable V get(K key, Supplier<? extends @Nullable V> read) {
        long version = contentVersion.current();
        Remembered<V> known = entries.get(key);
        if (known != null && known.version() == version) {
            return known.value();
        }
        V value = read.get();
        if (value != null) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Remembered<>(version, value));
        }
        return value;
    }

    /** Forgets everything, for changes the version does not see (rows written without JPA). */
    public void clear() {
        entries.clear();
    }
}
