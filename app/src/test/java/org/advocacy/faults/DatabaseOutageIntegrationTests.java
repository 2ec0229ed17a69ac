package org.advocacy.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.advocacy.AdvocacyApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostgreSQL goes away under a running platform and comes back: while it is down,
 * /actuator/health answers 503 DOWN quickly and pages fail with the friendly error page
 * (no internals); once it is back, the same process serves again without a restart. The
 * whole application runs against a private PostgreSQL cluster that this test starts and
 * stops (never the shared server). The campaign page's data cache is off; the public
 * response cache is on, as in production, so the campaign page fetched before the outage
 * is still served during it.
 */
class DatabaseOutageIntegrationTests {

    private static PrivatePostgres postgres;

    private static ConfigurableApplicationContext app;

    private static String base;

    private final HttpClient http = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();

    @BeforeAll
    static void startPlatformOnAPrivateDatabase() throws Exception {
        postgres = PrivatePostgres.start();
        app = new SpringApplicationBuilder(AdvocacyApplication.class).run("--server.port=0",
                "--server.address=127.0.0.1", "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=postgres", "--advocacy.site.campaign-cache-ttl=0s",
                "--advocacy.roster.load-on-start=false", "--advocacy.districts.load-on-start=false",
                "--advocacy.scheduling.enabled=false");
        base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stopEverything() throws Exception {
        try {
            if (app != null) {
                app.close();
            }
        }
        finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    void healthReportsTheOutageAndTheSameProcessServesAgainWhenTheDatabaseIsBack() throws Exception {
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get("/campaigns/tsra").body()).contains("Trafficking Survivors Relief Act");

        long stoppedAt = System.nanoTime();
        postgres.stopServer();

        HttpResponse<String> down = awaitResponse("/actuator/health", response -> response.statusCode() == 503,
                Duration.ofSeconds(20));
        long downAfterMs = millisSince(stoppedAt);
        assertThat(down.body()).contains("\"status\":\"DOWN\"").doesNotContain("PSQL").doesNotContain("Hikari");
        // The pool gives up on a connection after its connection-timeout (3 s), so health
        // answers promptly.
        long start = System.nanoTime();
        assertThat(get("/actuator/health").statusCode()).isEqualTo(503);
        long healthAnswerMs = millisSince(start);
        assertThat(healthAnswerMs).isLessThan(6_000);

        // A page in the public response cache is still served (for up to its max-stale);
        // one that needs the database
        // gets the site's error page, never a stack trace.
        HttpResponse<String> cached = get("/campaigns/tsra");
        assertThat(cached.statusCode()).isEqualTo(200);
        assertThat(cached.body()).contains("Trafficking Survivors Relief Act");
        HttpResponse<String> page = get("/campaigns/tsra/legislators?zip=05401");
        assertThat(page.statusCode()).isBetween(500, 599);
        assertThat(page.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("Something went wrong")
            .contains("1-888-373-7888")
            .doesNotContain("Exception")
            .doesNotContain("PSQL")
            .doesNotContain("Hikari")
            .doesNotContain("at org.");

        HttpResponse<String> api = get("/api/v1/lookup?zip=05401");
        assertThat(api.statusCode()).isBetween(500, 599);
        assertThat(api.body()).doesNotContain("Exception").doesNotContain("PSQL").doesNotContain("trace");

        long restartedAt = System.nanoTime();
        postgres.startServer();

        awaitResponse("/actuator/health", response -> response.statusCode() == 200, Duration.ofSeconds(30));
        long upAfterMs = millisSince(restartedAt);
        HttpResponse<String> again = awaitResponse("/campaigns/tsra/legislators?zip=05401",
                response -> response.statusCode() == 200, Duration.ofSeconds(30));
        assertThat(again.body()).contains("Trafficking Survivors Relief Act");
        assertThat(upAfterMs).isLessThan(15_000);
        System.out.printf(
                "database outage: health DOWN %d ms after the stop (a DOWN answer takes %d ms), UP %d ms after the start%n",
                downAfterMs, healthAnswerMs, upAfterMs);
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(40))
            .header("Accept",
                    path.startsWith("/api/") || path.startsWith("/actuator/") ? "application/json" : "text/html")
            .GET()
            .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> awaitResponse(String path, Predicate<HttpResponse<String>> wanted, Duration within) {
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        await().atMost(within).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            HttpResponse<String> response = get(path);
            last.set(response);
            assertThat(wanted.test(response)).as("%s answered %d: %s", path, response.statusCode(), response.body())
                .isTrue();
        });
        return last.get();
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

}
