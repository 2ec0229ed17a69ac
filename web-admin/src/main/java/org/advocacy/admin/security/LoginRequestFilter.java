package org.advocacy.admin.security;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the console's login POST before any password is checked.
 * <p>
 * Login CSRF: Vaadin's login form posts without Spring's CSRF token (Vaadin exempts the
 * login path), so a login is accepted only from the console's own pages. A POST whose
 * Sec-Fetch-Site says another site, or whose Origin (or, without an Origin, Referer) is
 * not this platform, is refused. A POST with none of these headers is accepted: every
 * current browser sends Origin on a form POST (and Sec-Fetch-Site), so such a request
 * does not come from a browser another site could drive, and a script that sends it logs
 * only itself in.
 * <p>
 * Throttling: each attempt takes one of the client address's allowance
 * ({@link LoginThrottle}); with none left the browser is sent back to the login view,
 * which explains why, without checking the password.
 */
final class LoginRequestFilter extends OncePerRequestFilter {

    static final String LOGIN_PATH = "/admin/login";
    static final String THROTTLED_PARAMETER = "throttled";

    private static final Set<String> ALLOWED_FETCH_SITES = Set.of("same-origin", "none");

    private final LoginThrottle throttle;

    private final @Nullable String configuredOrigin;

    LoginRequestFilter(LoginThrottle throttle, @Nullable String baseUrl) {
        this.throttle = throttle;
        this.configuredOrigin = baseUrl == null ? null : origin(baseUrl);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !(request.getContextPath() + LOGIN_PATH).equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!fromOwnPage(request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter()
                .write("This login did not come from the console's login page. " + "Open " + LOGIN_PATH
                        + " on this site and log in there.");
            return;
        }
        if (!throttle.tryAttempt(request.getRemoteAddr())) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + LOGIN_PATH + "?" + THROTTLED_PARAMETER);
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean fromOwnPage(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !ALLOWED_FETCH_SITES.contains(fetchSite.toLowerCase(Locale.ROOT))) {
            return false;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            String referer = request.getHeader("Referer");
            if (referer == null) {
                return true;
            }
            origin = origin(referer);
        }
        return origin != null
                && (origin.equalsIgnoreCase(ownOrigin(request)) || origin.equalsIgnoreCase(configuredOrigin));
    }

    /**
     * This request's own origin as the server sees it (behind a trusted proxy, the
     * proxy's public one).
     */
    private static String ownOrigin(HttpServletRequest request) {
        return origin(request.getScheme(), request.getServerName(), request.getServerPort());
    }

    /**
     * scheme://host[:port] of a URL, or null when it has none ("null" origins included).
     */
    private static @Nullable String origin(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return origin(uri.getScheme(), uri.getHost(), uri.getPort());
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String origin(String scheme, String host, int port) {
        String lowerScheme = scheme.toLowerCase(Locale.ROOT);
        boolean defaultPort = port == -1 || ("http".equals(lowerScheme) && port == 80)
                || ("https".equals(lowerScheme) && port == 443);
        String bracketed = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return lowerScheme + "://" + bracketed.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

}
