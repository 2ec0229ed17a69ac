package org.advocacy.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The one rule for links staff enter (key-fact sources, toolkit links, bill pages): an
 * absolute http or https address with a host, nothing else. A {@code javascript:} or
 * {@code data:} link would run in the visitor's browser if the CSP ever let it.
 */
public final class WebLinks {

    /** What every refusal tells staff, after naming the field. */
    public static final String RULE = "must be a web address starting with http:// or https://, e.g. https://www.congress.gov/";

    private WebLinks() {
    }

    public static boolean isWebLink(@Nullable String link) {
        if (link == null || link.isBlank() || !link.strip().equals(link)) {
            return false;
        }
        for (int i = 0; i < link.length(); i++) {
            char c = link.charAt(i);
            if (c <= ' ' || c == '\u007F' || Character.isWhitespace(c) || Character.getType(c) == Character.FORMAT) {
                return false;
            }
        }
        try {
            URI uri = new URI(link);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && !uri.getHost().isEmpty();
        }
        catch (URISyntaxException e) {
            return false;
        }
    }

}
