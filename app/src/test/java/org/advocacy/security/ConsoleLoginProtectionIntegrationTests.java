package org.advocacy.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.advocacy.StaffAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The console's login POST over real HTTP: another site cannot log a visitor's browser in
 * (login CSRF), and one client address cannot keep guessing passwords.
 * (ConsoleBrowserSecurityIntegrationTests shows the login view's message to a throttled
 * address.)
 */
class ConsoleLoginProtectionIntegrationTests extends SecurityIntegrationTest {

    static final String PASSWORD = "login-protection-password-1";

    /** advocacy.console.login-throttle.attempts in application.yaml. */
    static final int ATTEMPTS_PER_ADDRESS = 10;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    String email;

    @BeforeEach
    void staffAccount() {
        email = "login-protection-" + System.nanoTime() + "@advocacy.test";
        StaffAccounts.ensure(jdbc, passwordEncoder, email, PASSWORD, "VIEWER");
    }

    // ---------------------------------------------------------------- login CSRF

    @Test
    void aLoginPostedFromAnotherSiteIsRefusedAndLogsNobodyIn() {
        Map<String, Map<String, String>> attacks = Map.of("Origin of another site",
                Map.of("Origin", "https://evil.example"), "opaque Origin (sandboxed frame, no-referrer page)",
                Map.of("Origin", "null"), "Referer of another site, no Origin",
                Map.of("Referer", "https://evil.example/login-csrf.html"), "Sec-Fetch-Site cross-site, no Origin",
                Map.of("Sec-Fetch-Site", "cross-site"), "same-site subdomain",
                Map.of("Origin", "http://evil.localhost:" + port, "Sec-Fetch-Site", "same-site"),
                "own Origin but another port", Map.of("Origin", "http://localhost:1"));
        attacks.forEach((attack, headers) -> {
            Client victim = client();
            victim.get("/admin/login");
            HttpResponse<String> response = victim.send(loginRequest(email, PASSWORD, headers));

            assertThat(response.statusCode()).as(attack).isEqualTo(403);
            assertThat(response.body()).as(attack).contains("login page").doesNotContain("Exception");
            assertThat(isAnonymous(victim.get("/admin/"))).as(attack + ": the browser stays logged out").isTrue();
        });
        assertThat(jdbc.queryForObject(
                "select last_login_at is null and failed_logins = 0 from staff_user where email = ?", Boolean.class,
                email))
            .as("no login was even tried")
            .isTrue();
    }

    @Test
    void aLoginPostedFromTheConsolesOwnLoginPageLogsIn() {
        Client staff = client();
        staff.get("/admin/login");
        HttpResponse<String> response = staff.send(loginRequest(email, PASSWORD,
                Map.of("Origin", base(), "Referer", base() + "/admin/login", "Sec-Fetch-Site", "same-origin")));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("login");
        assertThat(staff.get("/admin/").statusCode()).isEqualTo(200);
    }

    /**
     * Behind a TLS proxy the browser's Origin is the public https address, which the
     * proxy forwards.
     */
    @Test
    void behindATlsProxyTheLoginPageOfThePublicAddressIsTheOwnOrigin() {
        Client staff = client();
        HttpResponse<String> response = staff
            .send(loginRequest(email, PASSWORD, Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host",
                    "console.example.org", "Origin", "https://console.example.org", "Sec-Fetch-Site", "same-origin")));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("login");
    }

    // ---------------------------------------------------------------- throttling per
    // address

    @Test
    void oneAddressRunsOutOfLoginAttemptsAndIsAskedToWaitWithoutThePasswordBeingChecked() {
        Client guesser = client();
        for (int attempt = 1; attempt <= ATTEMPTS_PER_ADDRESS; attempt++) {
            // Different (unknown) accounts each time: the per-account lock never comes
            // into it.
            HttpResponse<String> wrong = guesser
                .send(loginRequest("nobody-" + attempt + "@advocacy.test", "guess " + attempt, Map.of()));
            assertThat(wrong.headers().firstValue("Location").orElseThrow()).as("attempt " + attempt)
                .contains("?error");
        }

        HttpResponse<String> throttled = guesser.send(loginRequest(email, PASSWORD, Map.of()));
        assertThat(throttled.statusCode()).isEqualTo(303);
        assertThat(throttled.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login?throttled");
        assertThat(isAnonymous(guesser.get("/admin/"))).as("not logged in, even with the right password").isTrue();
        assertThat(jdbc.queryForObject(
                "select last_login_at is null and failed_logins = 0 from staff_user where email = ?", Boolean.class,
                email))
            .as("the account was not touched")
            .isTrue();

        assertThat(
                client().send(loginRequest(email, PASSWORD, Map.of())).headers().firstValue("Location").orElseThrow())
            .as("the same account from another address")
            .doesNotContain("login");
    }

    @Test
    void successfulLoginsDoNotUseUpTheAddressesAllowance() {
        Client office = client();
        for (int attempt = 1; attempt < ATTEMPTS_PER_ADDRESS; attempt++) {
            office.send(loginRequest("nobody-" + attempt + "@advocacy.test", "guess " + attempt, Map.of()));
        }
        for (int colleague = 1; colleague <= 3; colleague++) {
            assertThat(
                    office.send(loginRequest(email, PASSWORD, Map.of())).headers().firstValue("Location").orElseThrow())
                .as("login " + colleague + " from the same office")
                .doesNotContain("login");
        }
        assertThat(office.send(loginRequest(email, "one more typo", Map.of()))
            .headers()
            .firstValue("Location")
            .orElseThrow()).as("the last failed attempt allowed").contains("?error");
        assertThat(office.send(loginRequest(email, PASSWORD, Map.of())).headers().firstValue("Location").orElseThrow())
            .as("the allowance used up by failures")
            .endsWith("?throttled");
    }

    // ---------------------------------------------------------------- helpers

    HttpRequest loginRequest(String user, String password, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/admin/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(Map.of("username", user, "password", password))));
        headers.forEach(request::header);
        return request.build();
    }

    static boolean isAnonymous(HttpResponse<String> console) {
        return SessionFixationIntegrationTests.isAnonymous(console);
    }

}
