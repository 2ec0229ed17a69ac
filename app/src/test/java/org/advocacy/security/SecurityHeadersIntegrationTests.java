package org.advocacy.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The headers that keep injected and third-party scripts, framing and sniffing out, on
 * the site and the console.
 */
class SecurityHeadersIntegrationTests extends SecurityIntegrationTest {

    static final List<String> PUBLIC_PAGES = List.of("/", "/campaigns/tsra", "/campaigns/tsra/stories/new",
            "/supporter", "/privacy", "/campaigns/no-such-campaign");

    @Autowired
    WebApplicationContext web;

    @Autowired
    MeterRegistry meters;

    @Test
    void publicPagesAllowOnlyTheSitesOwnScriptsAndCannotBeFramedOrSniffed() {
        Client visitor = client();
        for (String path : PUBLIC_PAGES) {
            HttpResponse<String> response = visitor.get(path);
            String csp = response.headers()
                .firstValue("Content-Security-Policy")
                .orElseThrow(() -> new AssertionError(path + " has no Content-Security-Policy"));
            String scripts = directive(csp, "script-src").orElse(directive(csp, "default-src").orElseThrow());
            assertThat(scripts).as(path + " script policy")
                .doesNotContain("'unsafe-inline'")
                .doesNotContain("'unsafe-eval'")
                .doesNotContain("*")
                .doesNotContain("http:")
                .doesNotContain("data:");
            assertThat(directive(csp, "frame-ancestors")).as(path).hasValue("frame-ancestors 'none'");
            assertThat(directive(csp, "object-src")).as(path).hasValue("object-src 'none'");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path)
                .isPresent()
                .hasValueSatisfying(policy -> assertThat(policy).isIn("no-referrer", "same-origin", "strict-origin",
                        "strict-origin-when-cross-origin"));
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
        }
    }

    @Test
    void actionPostsThroughTheirOwnFilterChainCarryTheSameHeadersAsPages() {
        Client visitor = client();
        String csrf = visitor.hiddenFields("/supporter").get("_csrf");
        for (String action : List.of("call", "letter", "meeting")) {
            String path = "/campaigns/tsra/" + action;
            HttpResponse<String> response = visitor.post(path, Map.of("_csrf", csrf, "zip", "05401"));
            assertThat(response.statusCode()).as(path).isLessThan(400);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                .hasValueSatisfying(
                        csp -> assertThat(directive(csp, "frame-ancestors")).hasValue("frame-ancestors 'none'"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
        }
    }

    @Test
    void httpsResponsesCarryStrictTransportSecurityAndPlainHttpOnesDoNot() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build();
        for (String path : List.of("/", "/campaigns/tsra", "/supporter")) {
            MockHttpServletResponse secure = mvc.perform(get(path).secure(true)).andReturn().getResponse();
            assertThat(secure.getHeader("Strict-Transport-Security")).as(path + " over TLS")
                .isNotNull()
                .satisfies(hsts -> assertThat(Long.parseLong(hsts.replaceAll(".*max-age=(\\d+).*", "$1")))
                    .isGreaterThanOrEqualTo(15_552_000L));
            MockHttpServletResponse plain = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(plain.getHeader("Strict-Transport-Security")).as(path + " over plain HTTP").isNull();
        }
        assertThat(client().get("/").headers().firstValue("Strict-Transport-Security")).as("real plain HTTP").isEmpty();
    }

    @Test
    void theConsoleIsNotSniffedAndMayOnlyBeFramedByItself() {
        Client visitor = client();
        for (String path : List.of("/admin/login", "/admin/", "/admin/supporters")) {
            HttpResponse<String> response = visitor.get(path);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            String frames = response.headers().firstValue("X-Frame-Options").orElse("") + response.headers()
                .firstValue("Content-Security-Policy")
                .flatMap(csp -> directive(csp, "frame-ancestors"))
                .orElse("");
            assertThat(frames).as(path + " frame policy")
                .containsAnyOf("SAMEORIGIN", "DENY", "frame-ancestors 'self'", "frame-ancestors 'none'");
        }
    }

    @Test
    void theConsoleSendsAContentSecurityPolicyThatKeepsOtherSitesOut() {
        Client visitor = client();
        for (String path : List.of("/admin/login", "/admin/", "/admin/supporters")) {
            HttpResponse<String> response = visitor.get(path);
            String csp = response.headers()
                .firstValue("Content-Security-Policy")
                .orElseThrow(() -> new AssertionError(path + " has no Content-Security-Policy"));
            assertThat(directive(csp, "default-src")).as(path).hasValue("default-src 'self'");
            assertThat(directive(csp, "script-src")).as(path)
                .hasValueSatisfying(scripts -> assertThat(scripts).doesNotContain("*")
                    .doesNotContain("http:")
                    .doesNotContain("https:")
                    .doesNotContain("data:"));
            assertThat(directive(csp, "connect-src")).as(path).hasValue("connect-src 'self'");
            assertThat(directive(csp, "object-src")).as(path).hasValue("object-src 'none'");
            assertThat(directive(csp, "base-uri")).as(path).hasValue("base-uri 'self'");
            assertThat(directive(csp, "form-action")).as(path).hasValue("form-action 'self'");
            assertThat(directive(csp, "frame-ancestors")).as(path).hasValue("frame-ancestors 'self'");
        }
    }

    @Test
    void theConsoleAndThePublicSiteAndItsCachedAnswersForbidPowerfulBrowserFeatures() {
        double hitsBefore = cacheHits();
        Client visitor = client();
        List<String> paths = new ArrayList<>(List.of("/admin/login", "/admin/", "/admin/supporters"));
        for (String path : PUBLIC_PAGES) {
            // Twice: the second answer of a page the response cache keeps is replayed
            // from the cache.
            paths.add(path);
            paths.add(path);
        }
        for (String path : paths) {
            String policy = visitor.get(path)
                .headers()
                .firstValue("Permissions-Policy")
                .orElseThrow(() -> new AssertionError(path + " has no Permissions-Policy"));
            assertThat(policy).as(path)
                .contains("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()");
        }
        assertThat(cacheHits() - hitsBefore).as("answers replayed from the response cache").isGreaterThanOrEqualTo(1);
    }

    /**
     * Behind a TLS proxy (server.forward-headers-strategy=native): a request the proxy
     * marks as https gets HSTS and a session cookie that the browser only sends back over
     * TLS; plain HTTP gets neither.
     */
    @Test
    void requestsForwardedAsHttpsGetStrictTransportSecurityAndASecureSessionCookie() {
        for (String path : List.of("/admin/login", "/supporter")) {
            HttpResponse<String> forwarded = client().send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("X-Forwarded-Proto", "https")
                .GET()
                .build());
            assertThat(forwarded.statusCode()).as(path).isEqualTo(200);
            assertThat(forwarded.headers().firstValue("Strict-Transport-Security")).as(path + " via the TLS proxy")
                .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));
            assertThat(sessionCookie(forwarded)).as(path + " session cookie via the TLS proxy")
                .containsIgnoringCase("; Secure")
                .containsIgnoringCase("HttpOnly");

            HttpResponse<String> plain = client().get(path);
            assertThat(plain.headers().firstValue("Strict-Transport-Security")).as(path + " over plain HTTP").isEmpty();
            assertThat(sessionCookie(plain)).as(path + " session cookie over plain HTTP")
                .doesNotContainIgnoringCase("Secure");
        }
    }

    static String sessionCookie(HttpResponse<String> response) {
        return response.headers()
            .allValues("Set-Cookie")
            .stream()
            .filter(c -> c.startsWith("JSESSIONID=") || c.startsWith("SESSION="))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no session cookie: " + response.headers().map()));
    }

    double cacheHits() {
        var counter = meters.find("advocacy.site.response.cache").tag("result", "hit").functionCounter();
        assertThat(counter).as("the response cache's hit counter").isNotNull();
        return counter.count();
    }

    static Optional<String> directive(String csp, String name) {
        return Arrays.stream(csp.split(";")).map(String::strip).filter(d -> d.startsWith(name + " ")).findFirst();
    }

}
