package org.advocacy.site.embed;

import java.util.List;
import java.util.Locale;

import org.advocacy.campaigns.ActionKind;
import org.jspecify.annotations.Nullable;

/**
 * Everything the embedded journey would otherwise keep in a session: the widget's options
 * (the partner site, the actions offered, language, whether to ask for sign-up, the
 * button text) and, once given, the supporter and their seat. It travels sealed
 * ({@link EmbedSeal}) in form fields and links, so it cannot be read or changed by the
 * visitor or the partner page.
 */
record EmbedState(String slug, String partner, List<ActionKind> actions, String language, boolean signup, String button,
        String widget, @Nullable Long supporterId, String zip, String district, long issuedAt) {

    static final int MAX_BUTTON = 40;

    EmbedState {
        actions = List.copyOf(actions);
    }

    Locale locale() {
        return Locale.forLanguageTag(language);
    }

    boolean offers(ActionKind kind) {
        return actions.contains(kind);
    }

    boolean hasSupporter() {
        return supporterId != null && !district.isEmpty();
    }

    EmbedState withSupporter(long id, String zip, String district, long now) {
        return new EmbedState(slug, partner, actions, language, signup, button, widget, id, zip, district, now);
    }

    /**
     * The supporter's details, forgotten (a supporter erased meanwhile): the journey
     * starts again.
     */
    EmbedState withoutSupporter(long now) {
        return new EmbedState(slug, partner, actions, language, signup, button, widget, null, "", "", now);
    }
}
