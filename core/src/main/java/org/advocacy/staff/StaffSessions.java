package org.advocacy.staff;

import java.util.Map;

import org.advocacy.staff.internal.StaffUserRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a console session may still act for its user. A change of role, a disable or a
 * password reset bumps the account's security version; a session that logged in with an
 * older version (or whose account is gone or disabled) is stale and must end on its next
 * request. A lockout after failed logins does not bump it, so whoever guesses at a
 * password cannot end the owner's sessions.
 */
@Service
public class StaffSessions {

    private final StaffUserRepository users;

    private final AuditLog audit;

    StaffSessions(StaffUserRepository users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    /**
     * One indexed query; the console's security filter asks it on every authenticated
     * request.
     */
    public boolean isCurrent(StaffPrincipal principal) {
        return users.findSecurityVersionOfEnabled(principal.getUsername())
            .map(version -> version == principal.securityVersion())
            .orElse(false);
    }

    /**
     * Records that a stale session was ended. The entry's actor is "system", never the
     * session's user: the user did nothing, the platform refused the request.
     */
    @Transactional
    public void recordEnded(StaffPrincipal principal) {
        @Nullable Long userId = users.findByEmailIgnoreCase(principal.getUsername()).map(StaffUser::getId).orElse(null);
        audit.recordBySystem("staff.session-ended", "StaffUser", userId, null,
                Map.of("email", principal.getUsername(), "reason", "role, password or account status changed"));
    }

    /**
     * After users change their own account in this request, this session carries the new
     * version so that it stays open while their other sessions end.
     */
    void keepCurrentSession(StaffUser user) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current != null && current.getPrincipal() instanceof StaffPrincipal principal
                && principal.getUsername().equalsIgnoreCase(user.getEmail())) {
            StaffPrincipal renewed = new StaffPrincipal(principal.getUsername(), "", principal.getAuthorities(),
                    principal.isEnabled(), principal.isAccountNonLocked(), user.getSecurityVersion());
            UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(renewed, null,
                    current.getAuthorities());
            token.setDetails(current.getDetails());
            // The session holds this same context object, so the next request sees the
            // new version too.
            SecurityContextHolder.getContext().setAuthentication(token);
        }
    }

}
