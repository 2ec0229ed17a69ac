package org.advocacy.site.supporters;

import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.advocacy.supporters.SupporterService;
import org.springframework.web.util.UriComponentsBuilder;

/** Reads and writes the supporter's details in the HTTP session: asked once per visit. */
public final class SupporterSession {

    private static final String ATTRIBUTE = SupporterSession.class.getName();

    private SupporterSession() {
    }

    public static Optional<SessionSupporter> current(HttpSession session) {
        return Optional.ofNullable((SessionSupporter) session.getAttribute(ATTRIBUTE));
    }

    /**
     * The visit's supporter if they still exist; a supporter erased by staff while their
     * visit was open is forgotten here, so that the visit starts again at the details
     * step instead of acting for someone who is gone.
     */
    public static Optional<SessionSupporter> current(HttpSession session, SupporterService supporters) {
        Optional<SessionSupporter> current = current(session);
        if (current.isPresent() && !supporters.exists(current.get().id())) {
            session.removeAttribute(ATTRIBUTE);
            return Optional.empty();
        }
        return current;
    }

    static void remember(HttpSession session, SessionSupporter supporter) {
        session.setAttribute(ATTRIBUTE, supporter);
    }

    /**
     * Where to send a visitor without details: the details form, then back to
     * {@code next}.
     */
    public static String detailsUrl(String next) {
        return UriComponentsBuilder.fromPath("/supporter").queryParam("next", next).encode().build().toUriString();
    }

}
