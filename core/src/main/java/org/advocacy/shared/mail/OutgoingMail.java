package org.advocacy.shared.mail;

import org.jspecify.annotations.Nullable;

/**
 * One email to one person. A message to a supporter carries their unsubscribe URL, which
 * becomes the RFC 8058 one-click List-Unsubscribe headers as well as a link in the body.
 */
public record OutgoingMail(String to, String subject, String text, @Nullable String html,
        @Nullable String unsubscribeUrl) {

    public OutgoingMail {
        if (to.isBlank() || subject.isBlank() || text.isBlank()) {
            throw new IllegalArgumentException("An email needs a recipient, a subject and a text body");
        }
    }
}
