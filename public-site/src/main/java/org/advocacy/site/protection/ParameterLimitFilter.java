package org.advocacy.site.protection;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.advocacy.site.layout.ErrorPageWriter;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a public request whose parameters are larger than any form of the site sends,
 * before anything binds or echoes them: with 413 and the site's error page ("what you
 * sent is too long"), never the value itself. Each value may hold {@value #MAX_FIELD}
 * characters, except the long texts (a story, a letter), which may hold
 * {@value #MAX_LONG_TEXT}: several times any form's own limit, so that a person a little
 * over a limit still gets the form back with the limit explained. The container bounds
 * the whole form ({@code server.tomcat.max-http-form-post-size}) and the number of
 * parameters. A path longer than any of the site's is refused with 414 in the same way,
 * so no page echoes a long path variable either.
 */
class ParameterLimitFilter extends OncePerRequestFilter {

    private final ErrorPageWriter errorPages;

    ParameterLimitFilter(ErrorPageWriter errorPages) {
        this.errorPages = errorPages;
    }

    static final int MAX_FIELD = 1_000;
    static final int MAX_LONG_TEXT = 60_000;
    static final int MAX_NAME = 100;
    static final int MAX_PARAMETERS = 100;

    /** Far longer than any address of the site (slugs of 80 characters, tokens of 60). */
    static final int MAX_PATH = 500;

    /** The story's body and the letter's bodies (one per legislator). */
    private static final Pattern LONG_TEXT = Pattern.compile("^(body|bodies\\[[A-Za-z0-9]{1,20}])$");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = RoutedPath.of(request);
        return path.startsWith("/admin") || path.startsWith("/VAADIN");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (RoutedPath.of(request).length() > MAX_PATH) {
            response.sendError(HttpStatus.URI_TOO_LONG.value());
            return;
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        }
        catch (InvalidParameterException unreadable) {
            // The container refused to read the form (larger than the whole form may be,
            // or malformed) and
            // refuses again on every later read, the error dispatch's included: the page
            // is written here.
            HttpStatus status = unreadable.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()
                    ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
            try {
                errorPages.write(request, response, status);
            }
            catch (IOException | ServletException | RuntimeException e) {
                throw e;
            }
            catch (Exception e) {
                throw new ServletException(e);
            }
            return;
        }
        if (tooLarge(parameters)) {
            response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean tooLarge(Map<String, String[]> parameters) {
        int count = 0;
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (name.length() > MAX_NAME) {
                return true;
            }
            int max = LONG_TEXT.matcher(name).matches() ? MAX_LONG_TEXT : MAX_FIELD;
            for (String value : parameter.getValue()) {
                if (++count > MAX_PARAMETERS || value.length() > max) {
                    return true;
                }
            }
        }
        return false;
    }

}
