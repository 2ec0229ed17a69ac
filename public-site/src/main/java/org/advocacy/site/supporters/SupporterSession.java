package org.advocacy.site.supporters;

import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.springframework.web.util.UriComponentsBuilder;

/** Reads and writes the supporter's details in the HTTP session: asked once per visit. */
public final class SupporterSession {

    private static final String ATTRIBUTE = SupporterSession.class.getName();

    private SupporterSession() {
    }

    public static Optional<SessionSupporter> current(HttpSession session) {
        return Optional.ofNullable((SessionSupporter) session.getAttribute(ATTRIBUTE));
    }

    static void remember(HttpSession session, SessionSupporter supporter) {
        session.setAttribute(ATTRIBUTE, supporter);
    }

    /** Where to send a visitor without details: the details form, then back to {@code next}. */
    public static String detailsUrl(String next) {
        return UriComponentsBuilder.fromPath("/supporter").queryParam("next", next).encode().build().toUriString();
    }
}
