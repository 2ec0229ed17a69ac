package org.advocacy.site.security;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Spring Security's default (BREACH-safe) CSRF token handling, except that a submitted
 * token that does not even decode counts as missing: the request is refused with 403 like
 * any other bad token, instead of failing with a server error ("Decoding failed") that
 * anyone could provoke.
 */
final class TolerantCsrfTokenRequestHandler implements CsrfTokenRequestHandler {

    private final XorCsrfTokenRequestAttributeHandler delegate = new XorCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
        delegate.handle(request, response, csrfToken);
    }

    @Override
    public @Nullable String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
        try {
            return delegate.resolveCsrfTokenValue(request, csrfToken);
        }
        catch (IllegalArgumentException malformed) {
            return null;
        }
    }

}
