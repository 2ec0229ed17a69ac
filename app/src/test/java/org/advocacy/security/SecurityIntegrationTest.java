package org.advocacy.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The one application context every security test class shares (same properties, so
 * Spring caches it). Rate limits are low so that the rate-limit tests reach them quickly;
 * every other test sends its requests from a fresh loopback address (127.x.y.z), so each
 * gets its own allowance.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.mail.port=9", "advocacy.site.minimum-fill-time=0s",
                "advocacy.site.rate-limit.posts-per-minute=12", "advocacy.site.rate-limit.posts-per-hour=1000",
                "advocacy.lookup.rate-limit-per-minute=20",
                // Address lookups never leave the machine: the geocoder is a closed local
                // port (an outage).
                "advocacy.geocoder.base-url=http://127.0.0.1:9/geocoder" })
abstract class SecurityIntegrationTest {

    static final int POSTS_PER_MINUTE = 12;
    static final int LOOKUPS_PER_MINUTE = 20;

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger((int) (System.nanoTime() % 50_000) + 1_000);

    @LocalServerPort
    int port;

    String base() {
        return "http://localhost:" + port;
    }

    /** A loopback address no other request of this test run has used. */
    static String freshAddress() {
        int n = NEXT_ADDRESS.incrementAndGet() % (250 * 250);
        return "127." + (1 + n / 250) + "." + (n % 250) + "." + (1 + (n % 7));
    }

    /**
     * A browser-like client: its own cookies (session), its own source address, no
     * redirects followed.
     */
    Client client() {
        return new Client(freshAddress());
    }

    final class Client {

        final String address;

        final HttpClient http;

        Client(String address) {
            this.address = address;
            try {
                this.http = HttpClient.newBuilder()
                    .localAddress(InetAddress.getByName(address))
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            }
            catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8")
                .GET()
                .build());
        }

        HttpResponse<String> post(String path, Map<String, String> form) {
            return send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build());
        }

        HttpResponse<String> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /**
         * The hidden fields of the first form on a page (CSRF token, form token and the
         * like).
         */
        Map<String, String> hiddenFields(String path) {
            HttpResponse<String> page = get(path);
            if (page.statusCode() != 200) {
                throw new AssertionError(path + " answered " + page.statusCode());
            }
            Document document = Jsoup.parse(page.body());
            Element form = document.selectFirst("form[method=post]");
            if (form == null) {
                throw new AssertionError(path + " has no form");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            form.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
            return fields;
        }

        String cookie(String name) {
            return ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore()
                .getCookies()
                .stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow();
        }

    }

    static String encode(Map<String, String> form) {
        return form.entrySet()
            .stream()
            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    }

    static String urlParam(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
