package org.advocacy.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * Which changes end a staff user's open sessions (a new security version) and which do
 * not.
 */
class StaffUserSecurityVersionTests {

    final StaffUser user = new StaffUser("someone@example.org", "Someone", "{noop}x", Role.ORGANIZER);

    @Test
    void aNewRoleAPasswordResetAndADisableOrReEnableEachEndOpenSessions() {
        user.changeRole(Role.VIEWER);
        assertThat(user.getSecurityVersion()).isEqualTo(1);
        user.changePassword("{noop}y");
        assertThat(user.getSecurityVersion()).isEqualTo(2);
        user.setEnabled(false);
        assertThat(user.getSecurityVersion()).isEqualTo(3);
        user.setEnabled(true);
        assertThat(user.getSecurityVersion()).isEqualTo(4);
    }

    @Test
    void settingsThatDoNotChangeAnythingAndFailedLoginsLeaveOpenSessionsAlone() {
        user.changeRole(Role.ORGANIZER);
        user.setEnabled(true);
        user.rename("Someone Else");
        for (int attempt = 0; attempt < StaffUser.MAX_FAILED_LOGINS; attempt++) {
            user.recordFailedLogin(Instant.now());
        }
        user.recordSuccessfulLogin(Instant.now());

        assertThat(user.getSecurityVersion()).isZero();
    }

}
