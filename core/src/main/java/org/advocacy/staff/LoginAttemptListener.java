package org.advocacy.staff;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins so that the fifth in a row locks the account for 15 minutes, and
 * writes sign-ins (both outcomes) and sign-outs to the audit log.
 */
@Component
class LoginAttemptListener {

    private final StaffUserService users;

    LoginAttemptListener(StaffUserService users) {
        this.users = users;
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        users.recordLoginFailure(event.getAuthentication().getName());
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        users.recordLoginSuccess(event.getAuthentication().getName());
    }

    @EventListener
    void onLogout(LogoutSuccessEvent event) {
        users.recordLogout(event.getAuthentication().getName());
    }

}
