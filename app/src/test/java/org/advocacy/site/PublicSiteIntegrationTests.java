package org.advocacy.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.advocacy.supporters.Supporter;
import org.advocacy.supporters.SupporterDetails;
import org.advocacy.supporters.SupporterService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public site over real HTTP in the whole application, next to the console and its
 * security chain.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicSiteIntegrationTests {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Autowired
    SupporterService supporters;

    @Test
    void anUnknownPageIsAFriendlyNotFoundWithTheHotlineAndNoInternals() throws Exception {
        HttpResponse<String> response = get("/campaigns/no-such-campaign");
        assertThat(response.statusCode()).isEqualTo(404);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("h1").text()).isEqualTo("Something went wrong");
        assertThat(page.text()).contains("We could not find that page.").contains("1-888-373-7888");
        assertThat(page.getElementById("quick-exit")).isNotNull();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void publicPagesForbidThirdPartyAndInlineScriptsAndAreNotFramed() throws Exception {
        HttpResponse<String> response = get("/campaigns/tsra");
        assertThat(response.statusCode()).isEqualTo(200);
        String policy = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("default-src 'self'")
            .contains("script-src 'self'")
            .contains("frame-ancestors 'none'");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }

    @Test
    void aMailClientsOneClickUnsubscribeWorksWithoutCookiesOrCsrfTokenWhileFollowingTheLinkDoesNot() throws Exception {
        String email = "one-click-" + System.nanoTime() + "@example.org";
        Supporter supporter = supporters
            .saveDetails(new SupporterDetails("One Click", email, "05401", null, null, true));
        supporters.confirmSubscription(supporter.getConfirmationToken());
        String path = "/unsubscribe/" + supporter.getUnsubscribeToken();

        assertThat(get(path).statusCode()).isEqualTo(200);
        assertThat(supporters.find(supporter.getId()).orElseThrow().isSubscribed()).isTrue();

        HttpResponse<String> oneClick = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(supporters.find(supporter.getId()).orElseThrow().isSubscribed()).isFalse();
        assertThat(supporters.find(supporter.getId()).orElseThrow().getUnsubscribedAt()).isNotNull();
    }

    @Test
    void otherPublicFormsStillRequireTheCsrfToken() throws Exception {
        HttpResponse<String> response = http
            .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/supporter"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=A&email=a%40example.org&zip=05401"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "text/html,application/xhtml+xml")
            .GET()
            .build(), HttpResponse.BodyHandlers.ofString());
    }

}
