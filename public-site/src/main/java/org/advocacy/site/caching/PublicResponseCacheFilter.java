package org.advocacy.site.caching;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.advocacy.site.protection.RoutedPath;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves answers marked {@link SameForEveryone} from {@link PublicResponseCache}, in
 * front of the security filters and the MVC machinery: a stored answer is replayed with
 * the headers it was rendered with (the security headers included). Entries are keyed by
 * URL and the visitor's language. An answer is stored only when its handler is marked, it
 * is a 200 and it sets no cookie and carries no flash message, so nothing tied to one
 * visitor is ever stored. Only paths sent as they are routed are served or stored: an
 * encoded spelling, path parameters or doubled slashes go through the whole stack (the
 * security firewall included), as if there were no cache.
 */
class PublicResponseCacheFilter extends OncePerRequestFilter {

    /**
     * Set by {@link SameForEveryoneInterceptor} when the handler's answer may be stored.
     */
    static final String STORABLE = PublicResponseCacheFilter.class.getName() + ".storable";

    private static final int MAX_KEY_LENGTH = 512;

    private static final Set<String> NOT_REPLAYED = Set.of(HttpHeaders.SET_COOKIE, HttpHeaders.DATE,
            HttpHeaders.CONTENT_LENGTH, HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CONTENT_TYPE, HttpHeaders.CONNECTION,
            "Keep-Alive");

    private final PublicResponseCache cache;

    private final LocaleResolver localeResolver;

    PublicResponseCacheFilter(PublicResponseCache cache, LocaleResolver localeResolver) {
        this.cache = cache;
        this.localeResolver = localeResolver;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = RoutedPath.of(request);
        return !"GET".equals(request.getMethod()) || !RoutedPath.isCanonical(request) || path.startsWith("/admin")
                || path.startsWith("/VAADIN") || path.startsWith("/actuator");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = key(request);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        CachedResponse entry = cache.find(key);
        if (entry != null && (entry.isFresh(cache.now()) || !entry.claimRefresh())) {
            cache.served();
            replay(entry, request, response);
            return;
        }
        // A miss, or this request renders a stale entry again while the others are still
        // served it.
        cache.rendered();
        long version = cache.currentVersion();
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, wrapper);
            if (storable(request, response, wrapper)) {
                cache.put(key, capture(response, wrapper, version));
            }
        }
        finally {
            if (entry != null) {
                entry.refreshDone();
            }
            wrapper.copyBodyToResponse();
        }
    }

    /**
     * URL path, parameters (in a fixed order, however the client ordered them) and
     * language.
     */
    private @Nullable String key(HttpServletRequest request) {
        StringBuilder key = new StringBuilder(request.getRequestURI());
        new TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
            for (String value : values) {
                // Encoded, so that no value can pass for another parameter (and poison
                // another URL's entry).
                key.append('&')
                    .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        key.append('|').append(localeResolver.resolveLocale(request).toLanguageTag());
        return key.length() > MAX_KEY_LENGTH ? null : key.toString();
    }

    private static boolean storable(HttpServletRequest request, HttpServletResponse response,
            ContentCachingResponseWrapper wrapper) {
        return Boolean.TRUE.equals(request.getAttribute(STORABLE)) && wrapper.getStatus() == HttpServletResponse.SC_OK
                && wrapper.getContentType() != null && response.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()
                && RequestContextUtils.getInputFlashMap(request) == null;
    }

    private CachedResponse capture(HttpServletResponse response, ContentCachingResponseWrapper wrapper, long version) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            if (NOT_REPLAYED.stream().noneMatch(name::equalsIgnoreCase)) {
                headers.put(name, List.copyOf(new ArrayList<>(response.getHeaders(name))));
            }
        }
        String contentType = wrapper.getContentType();
        Locale language = contentType.startsWith("text/html") ? response.getLocale() : null;
        return new CachedResponse(wrapper.getContentAsByteArray(), contentType, language, Map.copyOf(headers),
                response.getHeader(HttpHeaders.ETAG), version, cache.freshUntil(), new AtomicBoolean());
    }

    private static void replay(CachedResponse entry, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        entry.headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (entry.etag() != null && ifNoneMatch != null
                && (ifNoneMatch.contains(entry.etag()) || ifNoneMatch.strip().equals("*"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(entry.contentType());
        if (entry.contentLanguage() != null) {
            response.setLocale(entry.contentLanguage());
        }
        response.setContentLength(entry.body().length);
        // Room for the whole body: Tomcat then sends headers and body in one write rather
        // than in 8 KB pieces.
        response.setBufferSize(entry.body().length + 1024);
        response.getOutputStream().write(entry.body());
    }

}
