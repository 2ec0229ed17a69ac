package org.advocacy.staff.internal;

import java.time.Clock;
import java.util.List;

import org.advocacy.staff.StaffPrincipal;
import org.advocacy.staff.StaffUser;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads staff users for login; a locked or disabled account cannot log in. */
@Service
public class StaffUserDetailsService implements UserDetailsService {

    private final StaffUserRepository users;

    private final Clock clock;

    StaffUserDetailsService(StaffUserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        StaffUser user = users.findByEmailIgnoreCase(email.strip())
            .orElseThrow(() -> new UsernameNotFoundException("Unknown staff user"));
        return new StaffPrincipal(user.getEmail(), user.getPasswordHash(),
                List.of(new SimpleGrantedAuthority(user.getRole().authority())), user.isEnabled(),
                !user.isLocked(clock.instant()), user.getSecurityVersion());
    }

}
