package org.advocacy.admin.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.advocacy.staff.StaffPrincipal;
import org.advocacy.staff.StaffSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a console session whose account changed after it logged in (role, password,
 * disabled; see {@link StaffSessions}) before the request reaches any view, download or
 * service: the request then goes on as anonymous, so pages redirect to the login view and
 * Vaadin's requests find no session. One indexed query per authenticated console request;
 * the public site's chain never runs this filter.
 */
final class StaleSessionFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(StaleSessionFilter.class);

    private final StaffSessions sessions;

    StaleSessionFilter(StaffSessions sessions) {
        this.sessions = sessions;
    }

    /**
     * Vaadin's static files are the same for everyone (and open to anonymous visitors):
     * no query for them.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/admin/VAADIN/static/") || path.startsWith("/admin/VAADIN/build/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Looked up per request: Vaadin installs its own strategy after the chain is
        // built.
        SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
        Authentication authentication = contexts.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken) && !isCurrent(authentication)) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            contexts.clearContext();
            if (authentication.getPrincipal() instanceof StaffPrincipal principal) {
                sessions.recordEnded(principal);
            }
            log.info("Ended a console session that outlived a change to its account");
        }
        chain.doFilter(request, response);
    }

    /**
     * Only a staff login of the account's current security version may act; nothing else
     * logs in here.
     */
    private boolean isCurrent(Authentication authentication) {
        return authentication.getPrincipal() instanceof StaffPrincipal principal && sessions.isCurrent(principal);
    }

}
