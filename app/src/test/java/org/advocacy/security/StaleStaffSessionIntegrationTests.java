package org.advocacy.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.advocacy.StaffAccounts;
import org.advocacy.staff.Role;
import org.advocacy.staff.StaffPrincipal;
import org.advocacy.staff.StaffSessions;
import org.advocacy.staff.StaffUserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A console session opened before an administrator changed its account (role, disabled,
 * password) must lose its rights on its very next request. Real HTTP sessions against the
 * running server: the staff member logs in through the console's login form, another
 * administrator changes the account through {@link StaffUserService}, and the old session
 * asks again. (StaleStaffSessionBrowserIntegrationTests does the same with the supporters
 * CSV download of a view already open in a browser.)
 */
class StaleStaffSessionIntegrationTests extends SecurityIntegrationTest {

    static final String PASSWORD = "stale-session-password-1";
    static final String ADMIN = "stale-session-admin@advocacy.test";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    StaffUserService staffUsers;

    @Autowired
    StaffSessions staffSessions;

    String email;

    @BeforeEach
    void accounts() {
        email = "stale-" + System.nanoTime() + "@advocacy.test";
        StaffAccounts.ensure(jdbc, passwordEncoder, email, PASSWORD, "ORGANIZER");
        StaffAccounts.ensure(jdbc, passwordEncoder, ADMIN, PASSWORD, "ADMIN");
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aDemotedOrganisersOpenSessionLosesOrganiserRightsOnItsNextRequest() {
        Client organiser = loggedIn(email);
        assertThat(organiser.get("/admin/reminders").statusCode()).as("reminders, as organiser").isEqualTo(200);
        assertThat(organiser.get("/admin/supporters").statusCode()).isEqualTo(200);
        Instant changed = Instant.now();

        asAnotherAdministrator(() -> staffUsers.changeRole(userId(), Role.VIEWER));

        assertSentToLogin(organiser.get("/admin/reminders"), "reminders after the demotion");
        assertSentToLogin(organiser.get("/admin/supporters"), "supporters after the demotion");
        assertNothingRecordedAsTheUserSince(changed);

        Client viewer = loggedIn(email);
        assertThat(viewer.get("/admin/supporters").statusCode()).as("a new login, as viewer").isEqualTo(200);
    }

    @Test
    void aDisabledAccountsOpenSessionIsLoggedOutOnItsNextRequest() {
        Client staff = loggedIn(email);
        assertThat(staff.get("/admin/supporters").statusCode()).isEqualTo(200);
        Instant changed = Instant.now();

        asAnotherAdministrator(() -> staffUsers.setEnabled(userId(), false));

        assertSentToLogin(staff.get("/admin/supporters"), "supporters after the disable");
        assertSentToLogin(staff.get("/admin/"), "the dashboard after the disable");
        assertNothingRecordedAsTheUserSince(changed);
    }

    @Test
    void aPasswordResetEndsEveryOpenSessionOfTheUser() {
        Client laptop = loggedIn(email);
        Client phone = loggedIn(email);
        assertThat(laptop.get("/admin/supporters").statusCode()).isEqualTo(200);
        assertThat(phone.get("/admin/supporters").statusCode()).isEqualTo(200);
        Instant changed = Instant.now();

        asAnotherAdministrator(() -> staffUsers.resetPassword(userId(), "a brand new passphrase 42"));

        assertSentToLogin(laptop.get("/admin/supporters"), "the first session after the reset");
        assertSentToLogin(phone.get("/admin/supporters"), "the second session after the reset");
        assertNothingRecordedAsTheUserSince(changed);
        assertThat(login(client(), email, PASSWORD).headers().firstValue("Location").orElseThrow())
            .as("the old password")
            .contains("error");
    }

    @Test
    void administratorsWhoResetTheirOwnPasswordKeepThatSessionButTheirOtherSessionsEnd() {
        StaffAccounts.ensure(jdbc, passwordEncoder, email, PASSWORD, "ADMIN");
        Client otherSession = loggedIn(email);
        assertThat(otherSession.get("/admin/staff").statusCode()).isEqualTo(200);
        StaffPrincipal before = new StaffPrincipal(email, "", AuthorityUtils.createAuthorityList("ROLE_ADMIN"), true,
                true, securityVersion());
        SecurityContextHolder.getContext()
            .setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(before, null, before.getAuthorities()));

        staffUsers.resetPassword(userId(), "a brand new passphrase 43");

        StaffPrincipal after = (StaffPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        assertThat(staffSessions.isCurrent(after)).as("the session that changed the password").isTrue();
        assertThat(staffSessions.isCurrent(before)).as("the same session had it not been renewed").isFalse();
        assertSentToLogin(otherSession.get("/admin/staff"), "the user's other session");
    }

    @Test
    void aLockoutAfterFailedLoginsDoesNotEndTheOwnersOpenSession() {
        Client staff = loggedIn(email);
        for (int attempt = 1; attempt <= 5; attempt++) {
            login(client(), email, "wrong password " + attempt);
        }
        assertThat(jdbc.queryForObject("select locked_until > now() from staff_user where email = ?", Boolean.class,
                email))
            .as("locked")
            .isTrue();

        assertThat(staff.get("/admin/supporters").statusCode()).as("the owner's open session").isEqualTo(200);
    }

    // ---------------------------------------------------------------- helpers

    Client loggedIn(String user) {
        Client client = client();
        HttpResponse<String> response = login(client, user, PASSWORD);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).as("logged in").doesNotContain("login");
        return client;
    }

    static HttpResponse<String> login(Client client, String user, String password) {
        String csrf = SessionFixationIntegrationTests.csrfToken(client.get("/admin/login").body());
        return client.post("/admin/login", Map.of("username", user, "password", password, "_csrf", csrf));
    }

    static void assertSentToLogin(HttpResponse<String> response, String what) {
        assertThat(response.statusCode()).as(what).isIn(302, 303);
        assertThat(response.headers().firstValue("Location")).as(what)
            .hasValueSatisfying(location -> assertThat(location).endsWith("/admin/login"));
    }

    /**
     * The refused requests are not the user's actions: the only entry is the platform
     * ending the session.
     */
    void assertNothingRecordedAsTheUserSince(Instant since) {
        List<String> byUser = jdbc.queryForList(
                "select action from audit_event where lower(actor) = lower(?) " + "and occurred_at >= ?", String.class,
                email, Timestamp.from(since));
        assertThat(byUser).as("audit entries in the user's name after the change").isEmpty();
        List<String> bySystem = jdbc.queryForList(
                "select actor from audit_event where action = 'staff.session-ended' "
                        + "and after_state ->> 'email' = ? and occurred_at >= ?",
                String.class, email, Timestamp.from(since));
        assertThat(bySystem).as("the ended session, in the audit log").isNotEmpty().containsOnly("system");
    }

    void asAnotherAdministrator(Supplier<?> change) {
        SecurityContextHolder.getContext()
            .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(ADMIN, null,
                    AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            change.get();
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    long userId() {
        return jdbc.queryForObject("select id from staff_user where email = ?", Long.class, email);
    }

    int securityVersion() {
        return jdbc.queryForObject("select security_version from staff_user where email = ?", Integer.class, email);
    }

}
