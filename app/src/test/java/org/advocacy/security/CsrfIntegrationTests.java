package org.advocacy.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every state-changing request of the public site, found in the handler mapping, is
 * refused without the session's CSRF token and accepted (as far as CSRF goes) with it.
 * The one exception is RFC 8058 one-click unsubscribe, which mail clients send without a
 * token; the unguessable token in its path authorises it, and it can only unsubscribe.
 */
class CsrfIntegrationTests extends SecurityIntegrationTest {

    static final Set<RequestMethod> CHANGING = Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.DELETE,
            RequestMethod.PATCH);
    static final String ONE_CLICK_UNSUBSCRIBE = "/unsubscribe/{token}";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /**
     * Path pattern -> the methods it accepts that change state, for every public-site
     * controller.
     */
    Map<String, Set<RequestMethod>> stateChangingEndpoints() {
        Map<String, Set<RequestMethod>> endpoints = new LinkedHashMap<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("org.advocacy.site")) {
                return;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            Set<RequestMethod> changing = new TreeSet<>(methods.isEmpty() ? CHANGING : methods);
            changing.retainAll(CHANGING);
            if (!changing.isEmpty()) {
                info.getPatternValues()
                    .forEach(pattern -> endpoints.computeIfAbsent(pattern, p -> new TreeSet<>()).addAll(changing));
            }
        });
        return endpoints;
    }

    static String concrete(String pattern) {
        return pattern.replaceAll("\\{slug}", "tsra")
            .replaceAll("\\{id[^}]*}", "1")
            .replaceAll("\\{kind}", "meeting-prep")
            .replaceAll("\\{[^}]+}", "csrf-test-token-0000000000");
    }

    @Test
    void everyStateChangingPublicRequestWithoutTheCsrfTokenIsRefused() {
        Map<String, Set<RequestMethod>> endpoints = stateChangingEndpoints();
        assertThat(endpoints.keySet()).as("state-changing endpoints discovered")
            .hasSizeGreaterThanOrEqualTo(7)
            .contains("/supporter", "/campaigns/{slug}/stories", "/campaigns/{slug}/letter", "/campaigns/{slug}/call",
                    "/campaigns/{slug}/meeting", ONE_CLICK_UNSUBSCRIBE);
        Client visitor = client();
        Map<String, String> hidden = visitor.hiddenFields("/supporter");
        assertThat(hidden).containsKey("_csrf");
        Map<String, String> form = Map.of("name", "Csrf Test", "email", "csrf@example.org", "zip", "05401", "formToken",
                hidden.get("formToken"));
        String own = hidden.get("_csrf");
        // Another visitor's valid token, a tampered copy of ours, tokens that do not
        // decode, and an empty one.
        List<String> forgedTokens = List.of(client().hiddenFields("/supporter").get("_csrf"),
                own.substring(0, own.length() - 4) + (own.endsWith("AAAA") ? "BBBB" : "AAAA"),
                "forged-" + own.substring(7), "not base64 !!!", "");

        endpoints.forEach((pattern, methods) -> {
            if (pattern.equals(ONE_CLICK_UNSUBSCRIBE)) {
                return;
            }
            String path = concrete(pattern);
            // The embedded widget has no session to hold a token: its forms carry their
            // own signed token
            // instead (EmbeddedActionIntegrationTests), and a post without one is refused
            // as a bad request,
            // or, after a few, by the widget's per-address rate limit.
            List<Integer> expected = pattern.startsWith("/embed/") ? List.of(400, 429) : List.of(403);
            for (RequestMethod method : methods) {
                HttpResponse<String> refused = visitor.send(HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method.name(), HttpRequest.BodyPublishers.ofString(encode(form)))
                    .build());
                assertThat(refused.statusCode()).as(method + " " + path + " without a token").isIn(expected);
                assertThat(refused.body()).as(method + " " + path)
                    .doesNotContain("Exception")
                    .doesNotContain("at org.");
                for (String forged : forgedTokens) {
                    Map<String, String> tampered = new LinkedHashMap<>(form);
                    tampered.put("_csrf", forged);
                    HttpResponse<String> response = visitor.post(path, tampered);
                    assertThat(response.statusCode()).as(method + " " + path + " with the token " + forged)
                        .isIn(expected);
                    assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
                }
            }
        });
    }

    @Test
    void everyStateChangingPublicRequestWithTheSessionsTokenPassesTheCsrfCheck() {
        Client visitor = client();
        Map<String, String> hidden = visitor.hiddenFields("/supporter");
        Map<String, String> form = new LinkedHashMap<>(Map.of("name", "Csrf Test", "email", "csrf@example.org", "zip",
                "05401", "formToken", hidden.get("formToken"), "_csrf", hidden.get("_csrf")));
        stateChangingEndpoints().keySet().forEach(pattern -> {
            String path = concrete(pattern);
            HttpResponse<String> response = visitor.post(path, form);
            assertThat(response.statusCode()).as("POST " + path + " with the token").isNotEqualTo(403).isLessThan(500);
        });
    }

    @Test
    void oneClickUnsubscribeIsExemptBecauseItsPathTokenAuthorisesIt() {
        Client mailClient = client();
        HttpResponse<String> response = mailClient.post("/unsubscribe/csrf-test-token-0000000000",
                Map.of("List-Unsubscribe", "One-Click"));
        assertThat(response.statusCode()).as("one-click unsubscribe without a CSRF token")
            .isNotEqualTo(403)
            .isLessThan(500);
    }

    @Test
    void theConsoleLoginRefusesForgedOrMissingTokensWithoutAServerError() {
        Client visitor = client();
        assertThat(visitor.get("/admin/login").statusCode()).isEqualTo(200);
        for (String forged : List.of("", "not base64 !!!", "forged-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")) {
            Map<String, String> form = new LinkedHashMap<>(Map.of("username", "nobody@example.org", "password", "x"));
            if (!forged.isEmpty()) {
                form.put("_csrf", forged);
            }
            HttpResponse<String> response = visitor.post("/admin/login", form);
            assertThat(response.statusCode()).as("console login with token '" + forged + "'").isLessThan(500);
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
        }
    }

}
