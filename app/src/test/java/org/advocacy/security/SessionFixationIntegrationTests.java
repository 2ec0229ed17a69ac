package org.advocacy.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.advocacy.StaffAccounts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Session fixation: a session id an attacker planted or saw before a visitor identified
 * themselves must not carry that identity afterwards. Driven over real HTTP with the
 * server's own cookies.
 */
class SessionFixationIntegrationTests extends SecurityIntegrationTest {

    // Its own account, so failed logins elsewhere (lockouts) cannot interfere.
    static final String EMAIL = "session-fixation@advocacy.test";
    static final String PASSWORD = "session-fixation-password-1";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    @BeforeEach
    void staffAccount() {
        StaffAccounts.ensure(jdbc, passwordEncoder, EMAIL, PASSWORD, "VIEWER");
    }

    @Test
    void loggingInToTheConsoleIssuesANewSessionIdAndTheOldOneStaysAnonymous() {
        Client staff = client();
        HttpResponse<String> loginPage = staff.get("/admin/login");
        assertThat(loginPage.statusCode()).isEqualTo(200);
        String before = staff.cookie("JSESSIONID");
        String csrf = csrfToken(loginPage.body());
        assertThat(isAnonymous(withOnlySessionCookie("JSESSIONID", before, "/admin/"))).as("before login").isTrue();

        HttpResponse<String> login = staff.post("/admin/login",
                Map.of("username", EMAIL, "password", PASSWORD, "_csrf", csrf));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).as("logged in").doesNotContain("login");
        String after = staff.cookie("JSESSIONID");

        assertThat(after).as("session id after login").isNotEqualTo(before);
        assertThat(isAnonymous(withOnlySessionCookie("JSESSIONID", before, "/admin/"))).as("the pre-login session id")
            .isTrue();
        HttpResponse<String> console = withOnlySessionCookie("JSESSIONID", after, "/admin/");
        assertThat(isAnonymous(console)).as("the new session id").isFalse();
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(staff.get("/admin/").statusCode()).as("the browser that logged in").isEqualTo(200);
    }

    /**
     * The public site keeps the supporter's name, email and ZIP in the session once given
     * (and pre-fills the details form from it), so a session id fixed before would show
     * them to whoever fixed it. Giving them therefore issues a new session id.
     */
    @Test
    void givingSupporterDetailsIssuesANewSessionIdAndTheOldOneKnowsNothing() {
        Client supporter = client();
        Map<String, String> hidden = supporter.hiddenFields("/supporter");
        String before = supporter.cookie("SESSION");
        String email = "fixation-" + System.nanoTime() + "@example.org";

        HttpResponse<String> saved = supporter.post("/supporter", Map.of("name", "Fixation Test", "email", email, "zip",
                "05401", "next", "/", "formToken", hidden.get("formToken"), "_csrf", hidden.get("_csrf")));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select count(*) from supporter where email = ?", Integer.class, email)).isOne();
        assertThat(supporter.get("/supporter").body()).as("details remembered for the visit").contains(email);

        assertThat(supporter.cookie("SESSION")).as("session id after giving details").isNotEqualTo(before);
        assertThat(withOnlySessionCookie("SESSION", before, "/supporter").body()).as("the earlier session id")
            .doesNotContain(email);
    }

    /**
     * A request carrying nothing but the given session cookie, as an attacker holding
     * that id would send: the console's container session is JSESSIONID, the public
     * site's session (in the database) SESSION.
     */
    HttpResponse<String> withOnlySessionCookie(String cookie, String sessionId, String path) {
        return client().send(HttpRequest.newBuilder(URI.create(base() + path))
            .header("Accept", "text/html")
            .header("Cookie", cookie + "=" + sessionId)
            .GET()
            .build());
    }

    /** The console sends anonymous visitors to its login page. */
    static boolean isAnonymous(HttpResponse<String> console) {
        return console.statusCode() == 302
                && console.headers().firstValue("Location").orElseThrow().endsWith("/admin/login");
    }

    /**
     * The CSRF token the login page hands to its form (Vaadin puts it in a meta tag, the
     * form posts it). Vaadin exempts its login path from the CSRF check; the test sends
     * the token as a browser does.
     */
    static String csrfToken(String loginPage) {
        Document page = Jsoup.parse(loginPage);
        Element token = page.selectFirst("meta[name=_csrf]");
        if (token != null) {
            return token.attr("content");
        }
        Element input = page.selectFirst("input[name=_csrf]");
        if (input == null) {
            throw new AssertionError("The login page carries no CSRF token: " + loginPage);
        }
        return input.attr("value");
    }

}
