package org.advocacy.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * One client that floods the public forms or the lookup gets 429 with Retry-After and a
 * page (or JSON) a person can understand, never a stack trace; another client is
 * unaffected.
 */
class RateLimitResponsesIntegrationTests extends SecurityIntegrationTest {

    @Test
    void floodingThePublicFormsGetsAFriendly429() {
        for (String path : List.of("/supporter", "/campaigns/tsra/stories/new")) {
            Client flooder = client();
            Map<String, String> hidden = flooder.hiddenFields(path);
            String action = path.equals("/supporter") ? "/supporter" : "/campaigns/tsra/stories";
            Map<String, String> form = new LinkedHashMap<>(hidden);
            form.put("name", "");
            form.put("title", "");
            // The allowance refills continuously (one post every 60/limit seconds), so a
            // slow machine may
            // squeeze in a few more than the limit before the bucket runs dry.
            HttpResponse<String> last = null;
            int accepted = 0;
            while (accepted < 2 * POSTS_PER_MINUTE) {
                last = flooder.post(action, form);
                if (last.statusCode() == 429) {
                    break;
                }
                accepted++;
            }
            assertThat(accepted).as("posts accepted before the limit on " + action)
                .isBetween(POSTS_PER_MINUTE, 2 * POSTS_PER_MINUTE - 1);
            assertThat(last.statusCode()).as(action).isEqualTo(429);
            assertThat(last.headers().firstValue("Retry-After")).isPresent();
            assertThat(last.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            var page = Jsoup.parse(last.body());
            assertThat(page.select("h1").text()).isNotBlank();
            assertThat(page.text()).containsIgnoringCase("minute");
            assertThat(last.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("Whitelabel");

            Client other = client();
            Map<String, String> otherForm = new LinkedHashMap<>(other.hiddenFields(path));
            otherForm.put("name", "");
            otherForm.put("title", "");
            assertThat(other.post(action, otherForm).statusCode()).as("another client").isNotEqualTo(429);
        }
    }

    @Test
    void floodingTheLookupApiAndPageGetsAFriendly429() {
        for (String path : List.of("/api/v1/lookup?zip=05401", "/campaigns/tsra/legislators?zip=05401")) {
            Client flooder = client();
            HttpResponse<String> last = null;
            int answered = 0;
            while (answered < 2 * LOOKUPS_PER_MINUTE) {
                last = flooder.get(path);
                if (last.statusCode() == 429) {
                    break;
                }
                assertThat(last.statusCode()).as("lookup " + (answered + 1) + " " + path).isLessThan(500);
                answered++;
            }
            assertThat(answered).as("lookups answered before the limit on " + path)
                .isBetween(LOOKUPS_PER_MINUTE, 2 * LOOKUPS_PER_MINUTE - 1);
            assertThat(last.statusCode()).as(path).isEqualTo(429);
            assertThat(last.body()).as(path)
                .isNotBlank()
                .doesNotContain("Exception")
                .doesNotContain("at org.")
                .doesNotContain("Whitelabel");
            assertThat(client().get(path).statusCode()).as("another client on " + path).isNotEqualTo(429);
        }
        HttpResponse<String> api = client().get("/api/v1/lookup?zip=05401");
        assertThat(api.headers().firstValue("Content-Type").orElse("")).contains("json");
    }

}
