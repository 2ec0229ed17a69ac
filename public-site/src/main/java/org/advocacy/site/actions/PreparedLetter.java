package org.advocacy.site.actions;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriUtils;

/**
 * A letter ready to send: kept in the session so the supporter can open it in each way.
 */
record PreparedLetter(String bioguideId, String recipient, String subject, String body, @Nullable String contactFormUrl,
        @Nullable String websiteUrl) implements Serializable {

    /**
     * Opens the letter in the supporter's own email client (RFC 6068: percent-encoded,
     * CRLF line breaks). Members of Congress publish no email address, so the supporter
     * chooses where to send it.
     */
    public String mailto() {
        return "mailto:?subject=" + UriUtils.encode(subject, StandardCharsets.UTF_8) + "&body="
                + UriUtils.encode(body.replace("\r\n", "\n").replace("\n", "\r\n"), StandardCharsets.UTF_8);
    }

    /**
     * Where to paste the letter: the member's official contact form, else their website.
     */
    public @Nullable String officialUrl() {
        return contactFormUrl != null ? contactFormUrl : websiteUrl;
    }
}
