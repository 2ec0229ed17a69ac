package org.advocacy.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every public endpoint, found in the handler mapping, and every parameter it binds
 * (query and form parameters, form-record fields, path variables) gets input people never
 * type: over-long values, control and invisible characters, percent-encoded junk,
 * template syntax, unicode spaces, empty values and repeated parameters. POSTs come with
 * a valid CSRF token, an issued form token and a supporter's session, so they reach the
 * controllers. No answer may be a server error, show a stack trace, redirect without a
 * Location or to another host, or echo a huge value; and refused input changes none of
 * the tables that hold what the public sends.
 */
class PublicParameterFuzzIntegrationTests extends SecurityIntegrationTest {

    static final String HUGE = "z".repeat(100_001);
    static final List<String> PAYLOADS = List.of("a".repeat(5_000), HUGE, "\u0000\u0001\u0007\u001b[31m",
            "x\r\nSet-Cookie: fuzz=1", "\u007f\u0085", "\u200B\u200B", "\u202Egnp.exe", "\uFEFF\u2060",
            "\u00A0\u2007\u3000", "%00%ZZ%", "%252e%252e%252f", "..%2F..%2Fetc%2Fpasswd", "{x}", "/campaigns/{x}",
            "${7*7}", "__${T(java.lang.Runtime).getRuntime()}__::.x", "*{7*7}|#{x}", "/\u3000/evil.example",
            "//evil.example", "/\\evil.example", "", "-1", "99999999999999999999", "\uD83D\uDE00\u0301");
    static final List<String> TABLES = List.of("supporter", "supporter_action", "story", "meeting_request");
    static final Set<Class<?>> NOT_FROM_THE_REQUEST_BODY = Set.of(HttpServletRequest.class, HttpServletResponse.class,
            HttpSession.class, Locale.class, Model.class, RedirectAttributes.class);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcTemplate jdbc;

    record Endpoint(RequestMethod method, String pattern, Set<String> pathVariables, Set<String> parameters) {
    }

    @Test
    void noPublicParameterTurnsOddInputIntoAServerErrorALeakOrAHalfSavedRecord() {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).extracting(Endpoint::pattern)
            .contains("/supporter", "/campaigns/{slug}/legislators", "/api/v1/lookup", "/campaigns/{slug}/letter",
                    "/campaigns/{slug}/stories");
        List<String> failures = new ArrayList<>();
        Visitor visitor = new Visitor();
        for (Endpoint endpoint : endpoints) {
            for (String parameter : endpoint.parameters()) {
                for (String payload : PAYLOADS) {
                    Map<String, List<String>> values = baseline(endpoint, visitor);
                    values.put(parameter, List.of(payload));
                    send(failures, visitor, endpoint, concrete(endpoint.pattern(), Map.of()), values, payload);
                }
                // A repeated parameter where one value is expected.
                Map<String, List<String>> repeated = baseline(endpoint, visitor);
                repeated.put(parameter, List.of("first", "second"));
                send(failures, visitor, endpoint, concrete(endpoint.pattern(), Map.of()), repeated, "");
            }
            for (String variable : endpoint.pathVariables()) {
                for (String payload : PAYLOADS) {
                    if (payload.length() > 5_000) {
                        continue; // longer than any request line the server accepts; not
                                  // a parameter question
                    }
                    send(failures, visitor, endpoint, concrete(endpoint.pattern(), Map.of(variable, payload)),
                            baseline(endpoint, visitor), payload);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void theErrorPathAskedForDirectlyIsANotFoundPageWithTheHotlineAndQuickExitInBothLanguages() {
        Client visitor = client();
        for (var language : Map.of("en", "We could not find that page.", "es", "No encontramos esa página.")
            .entrySet()) {
            HttpResponse<String> page = visitor.send(HttpRequest.newBuilder(URI.create(base() + "/error"))
                .header("Accept", "text/html")
                .header("Accept-Language", language.getKey())
                .GET()
                .build());
            assertThat(page.statusCode()).isEqualTo(404);
            var document = Jsoup.parse(page.body());
            assertThat(document.select("main").text()).contains(language.getValue());
            assertThat(document.select(".hotline").text()).contains("1-888-373-7888");
            assertThat(document.select("#quick-exit").attr("href")).isNotBlank();
            assertThat(document.select("html").attr("lang")).isEqualTo(language.getKey());
        }
        HttpResponse<String> json = visitor.send(HttpRequest.newBuilder(URI.create(base() + "/error"))
            .header("Accept", "application/json")
            .GET()
            .build());
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(json.body()).isEqualTo("{\"error\":\"Not Found\"}");
        assertThat(visitor.post("/error", Map.of("x", "y")).statusCode()).isIn(403, 404);
    }

    @Test
    void aMegabyteFieldIsAnsweredWithATooLargePageThatDoesNotEchoIt() {
        Client visitor = client();
        Map<String, String> form = new LinkedHashMap<>(visitor.hiddenFields("/supporter"));
        String email = "megabyte-" + System.nanoTime() + "@example.org";
        form.putAll(Map.of("name", "n".repeat(1_000_000), "email", email, "zip", "05401"));
        HttpResponse<String> response = visitor.send(HttpRequest.newBuilder(URI.create(base() + "/supporter"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
            .build());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).doesNotContain("n".repeat(1_000)).contains("too long").contains("1-888-373-7888");
        assertThat(jdbc.queryForObject("select count(*) from supporter where email = ?", Integer.class, email))
            .isZero();

        // Past the whole form's limit, the container refuses to read it; still no server
        // error.
        form.put("name", "n".repeat(3_000_000));
        HttpResponse<String> tooBig = visitor.send(HttpRequest.newBuilder(URI.create(base() + "/supporter"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .header("Accept-Language", "es")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
            .build());
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(tooBig.body()).doesNotContain("n".repeat(1_000))
            .doesNotContain("Exception")
            .contains("demasiado largo")
            .contains("1-888-373-7888");
        assertThat(jdbc.queryForObject("select count(*) from supporter where email = ?", Integer.class, email))
            .isZero();
    }

    @Test
    void malformedPercentEncodingIsABadRequestNotAServerError() {
        Client visitor = client();
        String csrf = visitor.hiddenFields("/supporter").get("_csrf");
        HttpResponse<String> form = visitor.send(HttpRequest.newBuilder(URI.create(base() + "/supporter"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers
                .ofString("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&name=%ZZ%E0%A4%&email=x%"))
            .build());
        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(form.body()).doesNotContain("Exception").doesNotContain("at org.").contains("1-888-373-7888");
    }

    /** Every public-site handler with the names of the parameters it binds. */
    List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = mapping.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("org.advocacy.site")) {
                continue;
            }
            Set<String> variables = new LinkedHashSet<>();
            Set<String> parameters = new LinkedHashSet<>();
            for (MethodParameter parameter : handler.getMethodParameters()) {
                parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
                RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
                if (variable != null) {
                    variables.add(variable.value().isEmpty() ? parameter.getParameterName() : variable.value());
                }
                else if (requestParam != null) {
                    parameters
                        .add(requestParam.value().isEmpty() ? parameter.getParameterName() : requestParam.value());
                }
                else if (parameter.hasParameterAnnotation(ModelAttribute.class)
                        || parameter.getParameterType().isRecord()) {
                    for (RecordComponent component : parameter.getParameterType().getRecordComponents()) {
                        parameters.add(Map.class.isAssignableFrom(component.getType())
                                ? component.getName() + "[B001318]" : component.getName());
                    }
                }
                else if (parameter.getParameterType() == String.class
                        && !parameter.hasParameterAnnotation(RequestHeader.class)
                        && !NOT_FROM_THE_REQUEST_BODY.contains(parameter.getParameterType())) {
                    parameters.add(parameter.getParameterName());
                }
            }
            Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
            for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
                for (String pattern : mapping.getKey().getPatternValues()) {
                    endpoints.add(new Endpoint(method, pattern, variables, parameters));
                }
            }
        }
        return endpoints;
    }

    /**
     * Values that reach the handler's real work, for every parameter the fuzzing does not
     * replace.
     */
    private Map<String, List<String>> baseline(Endpoint endpoint, Visitor visitor) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String parameter : endpoint.parameters()) {
            values.put(parameter, List.of(switch (parameter) {
                case "zip" -> "05401";
                case "district" -> "VT-0";
                case "name" -> "Fuzz Tester";
                case "email" -> "fuzz-" + System.nanoTime() + "@example.org";
                case "next" -> "/campaigns/tsra";
                case "formToken" -> visitor.formToken();
                case "website", "address", "territory", "officeId", "phone", "organisation", "contactEmail",
                        "contentWarning" ->
                    "";
                case "updates", "publishOnSite" -> "true";
                case "attribution" -> "PSEUDONYM";
                case "targets", "bioguideId" -> "B001318";
                case "delivery" -> "MAILTO";
                case "step" -> "1";
                case "outcome" -> "LEFT_VOICEMAIL";
                default -> "Fuzz text";
            }));
        }
        return values;
    }

    private static String concrete(String pattern, Map<String, String> replaced) {
        String path = pattern;
        for (Map.Entry<String, String> variable : replaced.entrySet()) {
            path = path.replaceAll("\\{" + variable.getKey() + "(:[^}]*)?}", Matcher
                .quoteReplacement(URLEncoder.encode(variable.getValue(), StandardCharsets.UTF_8).replace("+", "%20")));
        }
        return path.replace("{slug}", "tsra")
            .replaceAll("\\{id[^}]*}", "1")
            .replace("{kind}", "meeting-prep")
            .replaceAll("\\{[^}]+}", "fuzz-token-00000000000000000000000000000000");
    }

    private void send(List<String> failures, Visitor visitor, Endpoint endpoint, String path,
            Map<String, List<String>> values, String payload) {
        String request = endpoint.method() + " " + path + " " + describe(values);
        Client client = visitor.client();
        Map<String, Long> before = counts();
        HttpResponse<String> response;
        if (endpoint.method() == RequestMethod.GET) {
            response = client.get(path + "?" + encode(values, null));
        }
        else {
            response = client.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8")
                .method(endpoint.method().name(), HttpRequest.BodyPublishers.ofString(encode(values, visitor.csrf())))
                .build());
        }
        visitor.sent();
        int status = response.statusCode();
        String body = response.body();
        if (status >= 500) {
            failures.add(request + " -> " + status);
        }
        if (status == 403 || status == 429) {
            failures.add(request + " -> " + status + " (the fuzzing itself is wrong: token or rate limit)");
        }
        for (String leak : List.of("Exception", "at org.", "at java.", "Whitelabel", "SQLState", "PSQL",
                "SpelEvaluation")) {
            if (body.contains(leak)) {
                failures.add(request + " -> body shows " + leak);
            }
        }
        if (payload.length() > 1_000 && body.contains(payload.substring(0, 1_001))) {
            failures.add(request + " -> echoes the " + payload.length() + "-character value");
        }
        if (status >= 300 && status < 400) {
            String location = response.headers().firstValue("Location").orElse("");
            if (location.isEmpty()
                    || !(location.startsWith("/") && !location.startsWith("//") || location.startsWith(base()))) {
                failures.add(request + " -> " + status + " to '" + location + "'");
            }
        }
        else if (!counts().equals(before)) {
            failures.add(request + " -> refused (" + status + ") yet changed " + before + " to " + counts());
        }
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        TABLES.forEach(table -> counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class)));
        return counts;
    }

    private static String encode(Map<String, List<String>> values, String csrf) {
        List<String> pairs = new ArrayList<>();
        if (csrf != null) {
            pairs.add("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        }
        values.forEach((name, list) -> list.forEach(value -> pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return String.join("&", pairs);
    }

    private static String describe(Map<String, List<String>> values) {
        return values.entrySet()
            .stream()
            .map(e -> e.getKey() + "="
                    + e.getValue()
                        .stream()
                        .map(v -> v.length() > 40 ? v.substring(0, 20) + "…(" + v.length() + ")" : v)
                        .toList())
            .collect(Collectors.joining(", ", "{", "}"));
    }

    /**
     * A supporter who gave their details, with a CSRF token; replaced by a new one (a new
     * address and session) before its posts reach the rate limit, which this test is not
     * about.
     */
    final class Visitor {

        private Client client;

        private String csrf;

        private int requests;

        Visitor() {
            renew();
        }

        /**
         * Renewed before either limit (posts, and lookups, which every GET is counted as)
         * is near.
         */
        Client client() {
            if (requests >= Math.min(POSTS_PER_MINUTE, LOOKUPS_PER_MINUTE) - 3) {
                renew();
            }
            return client;
        }

        String csrf() {
            return csrf;
        }

        String formToken() {
            return client().hiddenFields("/supporter").get("formToken");
        }

        void sent() {
            requests++;
        }

        private void renew() {
            client = PublicParameterFuzzIntegrationTests.this.client();
            Map<String, String> details = new LinkedHashMap<>(client.hiddenFields("/supporter"));
            details.putAll(Map.of("name", "Fuzz Tester", "email", "fuzz-" + System.nanoTime() + "@example.org", "zip",
                    "05401"));
            assertThat(client.post("/supporter", details).statusCode()).isEqualTo(302);
            csrf = client.hiddenFields("/supporter").get("_csrf");
            requests = 1;
        }

    }

}
