package org.advocacy.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The action posts are left out of the request metrics (their own table counts them);
 * every other post is still observed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActionPostObservationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void actionPostsAreNotObservedAndOtherPostsAre() throws Exception {
        long before = observedPosts();
        // Without a CSRF token every one of these is refused (403), observed or not.
        for (String path : new String[] { "/campaigns/tsra/call", "/campaigns/tsra/letter", "/campaigns/tsra/meeting",
                "/supporter" }) {
            assertThat(post(path)).as(path).isEqualTo(403);
        }
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> observedPosts() == before + 1);
    }

    private int post(String path) throws Exception {
        return http
            .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("website="))
                .build(), HttpResponse.BodyHandlers.discarding())
            .statusCode();
    }

    private long observedPosts() {
        return meters.find("http.server.requests")
            .tag("method", "POST")
            .timers()
            .stream()
            .mapToLong(Timer::count)
            .sum();
    }

}
