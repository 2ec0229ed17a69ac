package org.advocacy;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The training run of the production build's JDK AOT cache (app/pom.xml, profile
 * production): with {@code --advocacy.aot-training.journeys=N} the started app sends
 * itself N supporter journeys over HTTP (the demo campaign's page, the lookup API and
 * page, the supporter details form and its post, the call page and a call outcome post,
 * the console's login page), then exits. The JVM, started with
 * {@code -XX:AOTCacheOutput}, then writes a cache holding the classes those requests load
 * and the profiles of the methods they run, so that a production start serves its first
 * requests with warm code. Needs the demo campaign (advocacy.demo-data) and runs only in
 * that build, against its throwaway training database.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnProperty(name = "advocacy.aot-training.journeys")
class AotTrainingRun implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AotTrainingRun.class);

    private static final String CAMPAIGN = "/campaigns/tsra";

    private static final String CALL = CAMPAIGN + "/call?zip=05401&district=VT-0";

    private static final List<String> ZIPS = List.of("05401", "10001", "60614", "78701", "02861", "30165", "82001",
            "20001", "94110", "33101", "98101", "80202", "97201", "55401", "48201", "15201");

    private final ConfigurableApplicationContext context;

    private final Environment environment;

    private final int journeys;

    AotTrainingRun(ConfigurableApplicationContext context, Environment environment,
            @Value("${advocacy.aot-training.journeys}") int journeys) {
        this.context = context;
        this.environment = environment;
        this.journeys = journeys;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code = 0;
        try {
            String base = "http://127.0.0.1:" + this.environment.getRequiredProperty("local.server.port");
            for (int journey = 0; journey < this.journeys; journey++) {
                new Journey(base, journey).run();
            }
            log.info("AOT training: {} supporter journeys done", this.journeys);
        }
        catch (IOException | RuntimeException ex) {
            log.error("AOT training failed: {}", ex.getMessage());
            code = 1;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            code = 1;
        }
        int exitCode = code;
        System.exit(SpringApplication.exit(this.context, () -> exitCode));
    }

    /**
     * One supporter's requests, in the order a person sends them, with its own cookies.
     */
    private record Journey(String base, int number, HttpClient client) {

        private static final Pattern FIELD = Pattern.compile("name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"");

        Journey(String base, int number) {
            this(base, number,
                    HttpClient.newBuilder()
                        .cookieHandler(new CookieManager())
                        .connectTimeout(Duration.ofSeconds(10))
                        .build());
        }

        void run() throws IOException, InterruptedException {
            String zip = ZIPS.get(this.number % ZIPS.size());
            get(CAMPAIGN);
            get("/api/v1/lookup?zip=" + zip);
            get(CAMPAIGN + "/legislators?zip=" + zip);
            String next = CALL;
            Map<String, String> details = fields(get("/supporter?next=" + encode(next)));
            post("/supporter", Map.of("_csrf", details.getOrDefault("_csrf", ""), "formToken",
                    details.getOrDefault("formToken", ""), "name", "Training Run", "email",
                    "aot-training-" + this.number + "@example.org", "zip", "05401", "next", next, "website", ""));
            Map<String, String> call = fields(get(CALL));
            if (!call.containsKey("bioguideId")) {
                throw new IllegalStateException("no call form at " + CALL + " after the supporter details");
            }
            post(CAMPAIGN + "/call",
                    Map.of("_csrf", call.get("_csrf"), "formToken", call.getOrDefault("formToken", ""), "zip", "05401",
                            "district", "VT-0", "step", call.getOrDefault("step", "0"), "bioguideId",
                            call.get("bioguideId"), "outcome", "VOICEMAIL", "website", ""));
            get("/admin/login");
        }

        private String get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET().build());
        }

        private String post(String path, Map<String, String> form) throws IOException, InterruptedException {
            String body = form.entrySet()
                .stream()
                .map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(this.base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        }

        private String send(HttpRequest request) throws IOException, InterruptedException {
            HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                throw new IllegalStateException(
                        request.method() + " " + request.uri().getPath() + " answered " + response.statusCode());
            }
            if (response.statusCode() >= 300) {
                String location = response.headers().firstValue("Location").orElseThrow();
                return send(HttpRequest.newBuilder(URI.create(this.base).resolve(location)).GET().build());
            }
            return response.body();
        }

        private static Map<String, String> fields(String html) {
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher matcher = FIELD.matcher(html);
            while (matcher.find()) {
                fields.putIfAbsent(matcher.group(1), matcher.group(2).replace("&amp;", "&"));
            }
            return fields;
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }

    }

}
