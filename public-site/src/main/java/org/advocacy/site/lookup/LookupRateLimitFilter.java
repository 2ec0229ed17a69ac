package org.advocacy.site.lookup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.advocacy.site.protection.RoutedPath;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link LookupRateLimiter} to every lookup (the JSON API, and the
 * find-your-legislators page when it is asked something) before anything else answers it,
 * cached answers included. Paths are compared as the application routes them
 * ({@link RoutedPath}), so an encoded or otherwise disguised spelling of a lookup is
 * limited like the lookup itself.
 */
class LookupRateLimitFilter extends OncePerRequestFilter {

    static final String API = "/api/v1/lookup";

    private static final String FIND_PAGE = "/campaigns/*/legislators";

    private static final byte[] API_REFUSAL = "{\"error\":\"Too many lookups from your address; try again in a minute\"}"
        .getBytes(StandardCharsets.UTF_8);

    private final LookupRateLimiter limiter;

    private final AntPathMatcher paths = new AntPathMatcher();

    LookupRateLimitFilter(LookupRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = RoutedPath.forMatching(request);
        return !(path.equals(API) || (paths.match(FIND_PAGE, path) && asksSomething(request)));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (limiter.allows(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, "60");
        if (RoutedPath.forMatching(request).equals(API)) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setContentLength(API_REFUSAL.length);
            response.getOutputStream().write(API_REFUSAL);
        }
        else {
            // The site's error page, in the visitor's language, as for any other refusal.
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
        }
    }

    /** The page without a question (the empty form) is not a lookup. */
    private static boolean asksSomething(HttpServletRequest request) {
        for (String parameter : new String[] { "zip", "district", "address", "territory" }) {
            String[] values = request.getParameterValues(parameter);
            for (String value : values == null ? new String[0] : values) {
                if (!value.isBlank()) {
                    return true;
                }
            }
        }
        return false;
    }

}
