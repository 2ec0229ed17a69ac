package org.advocacy.reminders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.advocacy.legislators.Legislator;
import org.advocacy.legislators.LegislatorService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The names and phone numbers of a supporter's members of Congress, cached for a few minutes so that
 * a reminder to 100,000 supporters asks the database once per seat, not once per email.
 */
@Component
class LegislatorContacts {

    private static final Duration TTL = Duration.ofMinutes(5);

    private final LegislatorService legislators;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    LegislatorContacts(LegislatorService legislators, Clock clock) {
        this.legislators = legislators;
        this.clock = clock;
    }

    /** One member as an email names them: "Rep. Becca Balint", with the DC office phone. */
    record Contact(String name, @Nullable String phone) {
    }

    Optional<Contact> representative(@Nullable String state, @Nullable Integer district) {
        if (state == null || district == null) {
            return Optional.empty();
        }
        return lookup("H:" + state + ":" + district, () -> legislators.representative(state, district).stream().toList())
                .stream().findFirst();
    }

    List<Contact> senators(@Nullable String state) {
        if (state == null) {
            return List.of();
        }
        return lookup("S:" + state, () -> legislators.senators(state));
    }

    private List<Contact> lookup(String key, java.util.function.Supplier<List<Legislator>> loader) {
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached == null || cached.loadedAt().plus(TTL).isBefore(now)) {
            List<Contact> contacts = loader.get().stream()
                    .map(l -> new Contact(l.getTitle() + " " + l.getDisplayName(), l.getPhone()))
                    .toList();
            cached = new Cached(contacts, now);
            cache.put(key, cached);
        }
        return cached.contacts();
    }

    private record Cached(List<Contact> contacts, Instant loadedAt) {
    }
}
