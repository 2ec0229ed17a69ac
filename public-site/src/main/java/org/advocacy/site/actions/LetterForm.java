package org.advocacy.site.actions;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The letter form: which legislators to write to, the subject, each legislator's
 * (editable) letter keyed by bioguide id, and how the supporter will send it.
 */
record LetterForm(@Nullable String formToken, @Nullable String zip, @Nullable String district,
        @Nullable List<String> targets, @Nullable String subject, @Nullable Map<String, String> bodies,
        @Nullable String delivery, @Nullable String website) {

    static final int MAX_BODY = 10_000;
    static final int MAX_SUBJECT = 200;

    public List<String> chosenTargets() {
        return targets == null ? List.of()
                : targets.stream().filter(t -> t != null && !t.isBlank()).distinct().toList();
    }

    public String body(String bioguideId) {
        String body = bodies == null ? null : bodies.get(bioguideId);
        return body == null ? "" : body;
    }

    public boolean isChosen(String bioguideId) {
        return chosenTargets().contains(bioguideId);
    }
}
