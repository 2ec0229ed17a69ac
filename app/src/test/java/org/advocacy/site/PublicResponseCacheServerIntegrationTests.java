package org.advocacy.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public response cache in the assembled application, over real HTTP: it sits in
 * front of Spring Security, so a stored answer must still carry every security header,
 * set no cookie, and be counted in the application's metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicResponseCacheServerIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void repeatedCampaignPagesComeFromTheCacheWithEverySecurityHeaderAndAreCounted() throws Exception {
        double hitsBefore = hits();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/campaigns/tsra"))
                .header("Accept-Language", "en")
                .build(), HttpResponse.BodyHandlers.ofString()));
        }

        assertThat(hits() - hitsBefore).as("answers served from the cache").isGreaterThanOrEqualTo(2);
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo(answers.getFirst().body()).contains("1-888-373-7888");
            assertThat(answer.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'")
                    .contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline"));
            assertThat(answer.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(answer.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(answer.headers().firstValue("Content-Language")).contains("en");
            assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
        }
    }

    private double hits() {
        var counter = meters.find("advocacy.site.response.cache").tag("result", "hit").functionCounter();
        assertThat(counter).as("the cache's hit counter is registered").isNotNull();
        return counter.count();
    }

}
