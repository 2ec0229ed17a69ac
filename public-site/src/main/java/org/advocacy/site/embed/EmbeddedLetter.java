package org.advocacy.site.embed;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriUtils;

/**
 * A letter the widget got ready: shown on the page that answers the post, since there is
 * no session to keep it in.
 */
record EmbeddedLetter(String bioguideId, String recipient, String subject, String body, @Nullable String officialUrl) {

    /**
     * Opens the letter in the supporter's own email client (RFC 6068), as on the site.
     */
    public String mailto() {
        return "mailto:?subject=" + UriUtils.encode(subject, StandardCharsets.UTF_8) + "&body="
                + UriUtils.encode(body.replace("\r\n", "\n").replace("\n", "\r\n"), StandardCharsets.UTF_8);
    }
}
