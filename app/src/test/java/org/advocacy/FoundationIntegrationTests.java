package org.advocacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The platform as a newcomer first sees it: public site at /, console at /admin, health
 * at /actuator/health.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FoundationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theHomePageListsTheTsraCampaignAndItsPageCarriesTheSourcedKeyFact() throws Exception {
        HttpResponse<String> home = get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Trafficking Survivors Relief Act")
            .contains("1-888-373-7888")
            .contains("233733");

        HttpResponse<String> campaign = get("/campaigns/tsra");
        assertThat(campaign.statusCode()).isEqualTo(200);
        assertThat(campaign.body()).contains("90 percent of survivors with a criminal record")
            .contains("Polaris National Survivor Study")
            .contains("457")
            .contains("Public Law 119-73")
            .contains("Quick exit");
    }

    @Test
    void anUnknownCampaignIsAFriendlyNotFoundWithoutInternals() throws Exception {
        HttpResponse<String> response = get("/campaigns/no-such-campaign");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("We could not find that page").doesNotContain("Exception");
    }

    @Test
    void theConsoleRedirectsAnonymousVisitorsToTheLoginPage() throws Exception {
        HttpResponse<String> response = get("/admin");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
            .hasValueSatisfying(location -> assertThat(location).endsWith("/admin/login"));
        assertThat(get("/admin/login").statusCode()).isEqualTo(200);
    }

    @Test
    void anAdministratorCanLogInAndAWrongPasswordIsRefused() throws Exception {
        StaffAccounts.ensure(jdbc, passwordEncoder, StaffAccounts.ADMIN_EMAIL, StaffAccounts.ADMIN_PASSWORD, "ADMIN");

        HttpResponse<String> good = postLogin(StaffAccounts.ADMIN_EMAIL, StaffAccounts.ADMIN_PASSWORD);
        assertThat(good.statusCode()).isEqualTo(302);
        assertThat(good.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

        HttpResponse<String> bad = postLogin(StaffAccounts.ADMIN_EMAIL, "wrong-password-123");
        assertThat(bad.headers().firstValue("Location").orElseThrow()).contains("error");
        StaffAccounts.ensure(jdbc, passwordEncoder, StaffAccounts.ADMIN_EMAIL, StaffAccounts.ADMIN_PASSWORD, "ADMIN");
    }

    @Test
    void healthIsPublicButOtherActuatorEndpointsAreNot() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/metrics").statusCode()).isIn(401, 403);
        assertThat(get("/actuator/env").statusCode()).isIn(401, 403, 404);
    }

    @Test
    void publicPagesSendSecurityHeaders() throws Exception {
        HttpResponse<String> response = get("/");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> {
            assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'");
            assertThat(csp).doesNotContain("unsafe-inline");
        });
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8")
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postLogin(String username, String password) throws Exception {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

}
