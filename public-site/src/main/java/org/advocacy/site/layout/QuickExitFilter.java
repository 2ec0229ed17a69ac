package org.advocacy.site.layout;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells every public page where quick exit goes. It is a request attribute rather than a
 * model attribute so that error pages and the rate-limit page, which no controller
 * renders, have it too.
 */
@Component
class QuickExitFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = "quickExitUrl";

    private final String quickExitUrl;

    QuickExitFilter(@Value("${advocacy.site.quick-exit-url:https://www.weather.gov/}") String quickExitUrl) {
        this.quickExitUrl = quickExitUrl;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(ATTRIBUTE, quickExitUrl);
        chain.doFilter(request, response);
    }

}
