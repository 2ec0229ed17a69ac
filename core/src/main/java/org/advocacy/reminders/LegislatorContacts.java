package org.advocacy.reminders;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.advocacy.legislators.Legislator;
import org.advocacy.legislators.LegislatorService;
import org.advocacy.shared.CacheNames;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

/**
 * The names and phone numbers of a supporter's members of Congress, cached for a few
 * minutes ({@link CacheNames#LEGISLATOR_CONTACTS}, emptied when the roster changes) so
 * that a reminder to 100,000 supporters asks the database once per seat, not once per
 * email.
 */
@Component
class LegislatorContacts {

    private final LegislatorService legislators;

    private final Cache cache;

    LegislatorContacts(LegislatorService legislators, CacheManager caches) {
        this.legislators = legislators;
        this.cache = Objects.requireNonNull(caches.getCache(CacheNames.LEGISLATOR_CONTACTS));
    }

    /**
     * One member as an email names them: "Rep. Becca Balint", with the DC office phone.
     */
    record Contact(String name, @Nullable String phone) {
    }

    Optional<Contact> representative(@Nullable String state, @Nullable Integer district) {
        if (state == null || district == null) {
            return Optional.empty();
        }
        return lookup("H:" + state + ":" + district,
                () -> legislators.representative(state, district).stream().toList())
            .stream()
            .findFirst();
    }

    List<Contact> senators(@Nullable String state) {
        if (state == null) {
            return List.of();
        }
        return lookup("S:" + state, () -> legislators.senators(state));
    }

    private List<Contact> lookup(String key, Supplier<List<Legislator>> loader) {
        return Objects.requireNonNull(cache.get(key,
                () -> loader.get()
                    .stream()
                    .map(l -> new Contact(l.getTitle() + " " + l.getDisplayName(), l.getPhone()))
                    .toList()));
    }

}
