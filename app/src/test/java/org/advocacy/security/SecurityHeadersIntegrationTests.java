package org.advocacy.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The headers that keep injected and third-party scripts, framing and sniffing out, on the site and the console. */
class SecurityHeadersIntegrationTests extends SecurityIntegrationTest {

    static final List<String> PUBLIC_PAGES = List.of("/", "/campaigns/tsra", "/campaigns/tsra/stories/new",
            "/supporter", "/privacy", "/campaigns/no-such-campaign");

    @Autowired WebApplicationContext web;

    @Test
    void publicPagesAllowOnlyTheSitesOwnScriptsAndCannotBeFramedOrSniffed() {
        Client visitor = client();
        for (String path : PUBLIC_PAGES) {
            HttpResponse<String> response = visitor.get(path);
            String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow(
                    () -> new AssertionError(path + " has no Content-Security-Policy"));
            String scripts = directive(csp, "script-src").orElse(directive(csp, "default-src").orElseThrow());
            assertThat(scripts).as(path + " script policy").doesNotContain("'unsafe-inline'")
                    .doesNotContain("'unsafe-eval'").doesNotContain("*").doesNotContain("http:").doesNotContain("data:");
            assertThat(directive(csp, "frame-ancestors")).as(path).hasValue("frame-ancestors 'none'");
            assertThat(directive(csp, "object-src")).as(path).hasValue("object-src 'none'");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).isPresent()
                    .hasValueSatisfying(policy -> assertThat(policy).isIn("no-referrer", "same-origin", "strict-origin",
                            "strict-origin-when-cross-origin"));
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
        }
    }

    @Test
    void httpsResponsesCarryStrictTransportSecurityAndPlainHttpOnesDoNot() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build();
        for (String path : List.of("/", "/campaigns/tsra", "/supporter")) {
            MockHttpServletResponse secure = mvc.perform(get(path).secure(true)).andReturn().getResponse();
            assertThat(secure.getHeader("Strict-Transport-Security")).as(path + " over TLS").isNotNull()
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
            String frames = response.headers().firstValue("X-Frame-Options").orElse("")
                    + response.headers().firstValue("Content-Security-Policy").flatMap(csp -> directive(csp, "frame-ancestors")).orElse("");
            assertThat(frames).as(path + " frame policy").containsAnyOf("SAMEORIGIN", "DENY", "frame-ancestors 'self'",
                    "frame-ancestors 'none'");
        }
    }

    static java.util.Optional<String> directive(String csp, String name) {
        return Arrays.stream(csp.split(";")).map(String::strip).filter(d -> d.startsWith(name + " ")).findFirst();
    }
}
