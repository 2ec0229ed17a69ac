package org.advocacy.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Once a client has reached a rate limit, no other spelling of the limited path gets past
 * it: percent-encoded letters, path parameters ({@code ;jsessionid}), doubled slashes,
 * dot segments, a trailing slash or other case. The attack that found this got 200 from
 * {@code /api/v1/%6Cookup} after 429 from {@code /api/v1/lookup}.
 */
class EncodedPathRateLimitIntegrationTests extends SecurityIntegrationTest {

    static final Map<String, List<String>> LOOKUP_SPELLINGS = Map.of("/api/v1/lookup",
            List.of("/api/v1/%6Cookup", "/api/v1/%6c%6f%6f%6b%75%70", "/%61pi/v1/lookup",
                    "/api/v1/lookup;jsessionid=0123456789ABCDEF", "/api/v1;x=1/lookup", "/api/v1/lookup;",
                    "//api/v1/lookup", "/api//v1/lookup", "/api/v1/lookup/", "/API/V1/LOOKUP", "/api/v1/./lookup",
                    "/api/x/../v1/lookup"),
            "/campaigns/tsra/legislators",
            List.of("/campaigns/tsra/legislator%73", "/campaigns/%74sra/legislators",
                    "/campaigns/tsra/legislators;jsessionid=0123456789ABCDEF", "/campaigns/tsra;a=b/legislators",
                    "//campaigns/tsra/legislators", "/campaigns//tsra/legislators", "/campaigns/tsra/legislators/",
                    "/Campaigns/TSRA/Legislators", "/campaigns/tsra/./legislators",
                    "/campaigns/x/../tsra/legislators"));

    @Test
    void aClientOverTheLookupLimitIsRefusedUnderEverySpellingOfThePath() {
        LOOKUP_SPELLINGS.forEach((path, spellings) -> {
            Client flooder = client();
            // Before the limit, the encoded spelling really is the lookup: that is what
            // made it a bypass.
            assertThat(flooder.get(spellings.getFirst() + "?zip=05401").statusCode()).as(spellings.getFirst())
                .isEqualTo(200);
            int answered = 1;
            HttpResponse<String> last = null;
            while (answered < 2 * LOOKUPS_PER_MINUTE) {
                last = flooder.get(path + "?zip=05401");
                if (last.statusCode() == 429) {
                    break;
                }
                answered++;
            }
            assertThat(last.statusCode()).as(path).isEqualTo(429);
            for (String spelling : spellings) {
                for (String query : List.of("?zip=05401", "?zip=&zip=05401", "?zip=%30%35%34%30%31")) {
                    HttpResponse<String> response = flooder.get(spelling + query);
                    assertThat(response.statusCode()).as(spelling + query).isEqualTo(429);
                    assertThat(response.body()).as(spelling + query)
                        .doesNotContain("Exception")
                        .doesNotContain("at org.");
                }
            }
        });
    }

    @Test
    void aClientOverThePostLimitIsRefusedUnderEverySpellingOfAFormsPath() {
        Client flooder = client();
        Map<String, String> form = new LinkedHashMap<>(flooder.hiddenFields("/supporter"));
        form.put("name", "");
        // Before the limit, the encoded spelling reaches the form handler (it answers,
        // not 404).
        assertThat(flooder.post("/%73upporter", form).statusCode()).isNotIn(404, 429).isLessThan(500);
        int accepted = 1;
        HttpResponse<String> last = null;
        while (accepted < 2 * POSTS_PER_MINUTE) {
            last = flooder.post("/supporter", form);
            if (last.statusCode() == 429) {
                break;
            }
            accepted++;
        }
        assertThat(last.statusCode()).isEqualTo(429);
        for (String routed : List.of("/%73upporter", "/supporte%72", "/%73%75%70%70%6f%72%74%65%72")) {
            assertThat(flooder.post(routed, form).statusCode()).as(routed).isEqualTo(429);
        }
        // Spellings the application does not route to the form are refused without
        // reaching it.
        for (String unrouted : List.of("/supporter;jsessionid=0123456789ABCDEF", "//supporter", "/supporter/",
                "/SUPPORTER", "/x/../supporter;x=1")) {
            HttpResponse<String> response = flooder.post(unrouted, form);
            assertThat(response.statusCode()).as(unrouted).isBetween(400, 499);
            assertThat(response.body()).as(unrouted).doesNotContain("Exception").doesNotContain("at org.");
        }
    }

}
