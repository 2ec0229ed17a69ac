package org.advocacy.staff;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A logged-in staff user as the session holds it: Spring Security's user plus the
 * account's security version at login, so that {@link StaffSessions} can tell a session
 * that outlived a change of role, password or enabled state.
 */
public final class StaffPrincipal extends User {

    private final int securityVersion;

    public StaffPrincipal(String email, String passwordHash, Collection<? extends GrantedAuthority> authorities,
            boolean enabled, boolean accountNonLocked, int securityVersion) {
        super(email, passwordHash, enabled, true, true, accountNonLocked, authorities);
        this.securityVersion = securityVersion;
    }

    public int securityVersion() {
        return securityVersion;
    }

}
