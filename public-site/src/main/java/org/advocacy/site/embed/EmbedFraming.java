package org.advocacy.site.embed;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.header.HeaderWriter;

/**
 * The security headers of the widget's pages. A page that names the campaign's allowed
 * partner origins ({@link #allow}) may be framed by exactly those; every other answer
 * under /embed (errors, unknown campaigns, a campaign without partners) refuses framing
 * like the rest of the site. Written when the response commits, so the controller decides
 * first.
 */
final class EmbedFraming implements HeaderWriter {

    private static final String ALLOWED = EmbedFraming.class.getName() + ".origins";

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; form-action 'self'; base-uri 'self'; frame-ancestors ";

    /**
     * Lets the page be framed by these origins (already checked: each a single http(s)
     * origin).
     */
    static void allow(HttpServletRequest request, List<String> origins) {
        request.setAttribute(ALLOWED, List.copyOf(origins));
    }

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        Object allowed = request.getAttribute(ALLOWED);
        List<?> origins = allowed instanceof List<?> list ? list : List.of();
        if (origins.isEmpty()) {
            response.setHeader("Content-Security-Policy", POLICY + "'none'");
            response.setHeader("X-Frame-Options", "DENY");
        }
        else {
            response.setHeader("Content-Security-Policy",
                    POLICY + String.join(" ", origins.stream().map(String::valueOf).toList()));
        }
    }

}
