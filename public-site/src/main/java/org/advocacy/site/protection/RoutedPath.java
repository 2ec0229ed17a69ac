package org.advocacy.site.protection;

import java.util.Locale;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.util.UrlPathHelper;

/**
 * The path a request is routed by, rather than the raw one the client sent:
 * percent-decoded, without {@code ;jsessionid} and other path parameters, without
 * repeated slashes. Filters that run before the application's own routing (rate limits,
 * the response cache) decide on this path, so that {@code /api/v1/%6Cookup} or
 * {@code /api/v1/lookup;x=1} is the lookup it is routed to.
 */
public final class RoutedPath {

    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private RoutedPath() {
    }

    /** The decoded path within the application, as the servlet container routed it. */
    public static String of(HttpServletRequest request) {
        // The container has decoded and normalised these (dot segments, double slashes,
        // path parameters);
        // the helper repeats the clean-up for requests that did not pass through a
        // container (MockMvc).
        String path = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
        if (path.isEmpty()) {
            path = PATHS.getPathWithinApplication(request);
        }
        path = PATHS.removeSemicolonContent(path).replaceAll("/{2,}", "/");
        return path.isEmpty() ? "/" : path;
    }

    /**
     * The routed path in one spelling for comparisons: lower case, no trailing slash.
     * Limits compare this form, so that {@code /API/v1/lookup/} is limited like
     * {@code /api/v1/lookup} even though the application answers it with 404.
     */
    public static String forMatching(HttpServletRequest request) {
        String path = of(request).toLowerCase(Locale.ROOT);
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    /**
     * Whether the client sent the path exactly as it is routed (nothing encoded, no path
     * parameters, no extra slashes).
     */
    public static boolean isCanonical(HttpServletRequest request) {
        return request.getRequestURI().equals(request.getContextPath() + of(request));
    }

}
