package org.advocacy.embeds;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A web origin as browsers compare them in {@code frame-ancestors} and
 * {@code postMessage}: scheme, host and port, nothing else ({@code https://news.example},
 * {@code http://127.0.0.2:8080}). Only http and https, no wildcards, no paths, so that an
 * allow-list entry names exactly one site.
 */
public final class PartnerOrigin {

    public static final int MAX_LENGTH = 200;

    private PartnerOrigin() {
    }

    /**
     * The canonical form of {@code text}, or empty when it is not a single http(s)
     * origin.
     */
    public static Optional<String> parse(@Nullable String text) {
        if (text == null || text.isBlank() || text.strip().length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String candidate = text.strip();
        if (candidate.endsWith("/")) {
            candidate = candidate.substring(0, candidate.length() - 1);
        }
        try {
            URI uri = new URI(candidate);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost();
            if (!(scheme.equals("http") || scheme.equals("https")) || host == null || host.contains("*")
                    || uri.getRawUserInfo() != null || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                    || (scheme.equals("https") && port == 443);
            return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        }
        catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

}
