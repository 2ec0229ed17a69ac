package org.advocacy.site.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.advocacy.shared.ServerSecrets;
import org.advocacy.site.SiteIntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The embedded widget without any cookie or session: every request here is sent without
 * one, as a browser that blocks third-party cookies sends them. Framing, the letter and
 * call journeys attributed to the partner, and forged, expired, misplaced and replayed
 * posts, against the real stack and PostgreSQL.
 */
class EmbeddedActionIntegrationTests extends SiteIntegrationTest {

    private static final String PARTNER = "https://news.example";

    private static final String OTHER_PARTNER = "http://127.0.0.2:8080";

    @Autowired
    ServerSecrets secrets;

    @BeforeEach
    void allowTwoPartners() {
        jdbc.update("delete from campaign_embed_origin where campaign_id = ?", campaignId());
        jdbc.update("insert into campaign_embed_origin (campaign_id, origin) values (?, ?), (?, ?)", campaignId(),
                PARTNER, campaignId(), OTHER_PARTNER);
    }

    @AfterEach
    void forgetPartners() {
        jdbc.update("delete from campaign_embed_origin where campaign_id = ?", campaignId());
    }

    @Test
    void theWidgetMayBeFramedByExactlyTheAllowedPartnersAndNothingElseMayBeFramed() throws Exception {
        MockHttpServletResponse widget = mvc.perform(get("/embed/tsra").param("partner", PARTNER))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse();
        assertThat(widget.getHeader("Content-Security-Policy"))
            .endsWith("frame-ancestors " + OTHER_PARTNER + " " + PARTNER)
            .doesNotContain("*");
        assertThat(widget.getHeader("X-Frame-Options")).isNull();
        assertThat(widget.getHeaders("Set-Cookie")).as("no cookie: it could not be kept in a partner's frame")
            .isEmpty();

        for (String page : List.of("/campaigns/tsra", "/privacy", "/embed/no-such-campaign",
                "/api/v1/campaigns/tsra/counts")) {
            MockHttpServletResponse other = mvc.perform(get(page)).andReturn().getResponse();
            assertThat(other.getHeader("Content-Security-Policy")).as(page).contains("frame-ancestors 'none'");
            assertThat(other.getHeader("X-Frame-Options")).as(page).isEqualTo("DENY");
        }

        jdbc.update("delete from campaign_embed_origin where campaign_id = ?", campaignId());
        MockHttpServletResponse unlisted = mvc.perform(get("/embed/tsra").param("partner", PARTNER))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse();
        assertThat(unlisted.getHeader("Content-Security-Policy")).endsWith("frame-ancestors 'none'");
    }

    @Test
    void aLetterAndACallInTheWidgetAreRecordedForTheSupporterAndAttributedToThePartner() throws Exception {
        String email = uniqueEmail("embedded");
        Document letter = start(email, "LETTER", PARTNER);
        assertThat(letter.select("h1").text()).isEqualTo("Send a letter");
        assertThat(letter.select("#body-B001318").text()).startsWith("Dear Rep. Balint,")
            .contains("Embedded Supporter");

        MvcResult sent = mvc.perform(letterPost(letter)).andExpect(status().isOk()).andReturn();
        assertNoSession(sent);
        Document ready = Jsoup.parse(sent.getResponse().getContentAsString());
        assertThat(ready.select("h1").text()).isEqualTo("Your letters are ready");
        assertThat(ready.select("a[href^=mailto:]")).hasSize(3);

        Document call = open(ready.select("a.button[href*=/call]").attr("href"));
        assertThat(call.select("h1").text()).isEqualTo("Call Rep. Becca Balint");
        MvcResult called = mvc.perform(callPost(call, "TALKED_TO_STAFF")).andExpect(status().isFound()).andReturn();
        assertNoSession(called);
        Document next = open(called.getResponse().getRedirectedUrl());
        assertThat(next.select(".notice[role=status]").text()).contains("Rep. Becca Balint");
        assertThat(next.select("h1").text()).isEqualTo("Call Sen. Bernard Sanders");

        assertThat(jdbc.queryForList("""
                select a.action_type || ':' || a.bioguide_id || ':' || e.partner_origin from supporter_action a
                join embedded_action e on e.action_id = a.id where a.supporter_id = ? order by a.id""", String.class,
                supporterId(email)))
            .containsExactly("LETTER:B001318:" + PARTNER, "LETTER:S000033:" + PARTNER, "LETTER:W000800:" + PARTNER,
                    "CALL:B001318:" + PARTNER);
    }

    @Test
    void aPartnerNotOnTheListIsNotCredited() throws Exception {
        String email = uniqueEmail("unlisted");
        Document letter = start(email, "LETTER", "https://not-allowed.example");
        mvc.perform(letterPost(letter)).andExpect(status().isOk());
        assertThat(count("select count(*) from supporter_action where supporter_id = ?", supporterId(email)))
            .isEqualTo(3);
        assertThat(count("select count(*) from embedded_action e join supporter_action a on a.id = e.action_id"
                + " where a.supporter_id = ?", supporterId(email)))
            .isZero();
    }

    @Test
    void aForgedTokenIsRefusedWithAClearMessageAndRecordsNothing() throws Exception {
        String email = uniqueEmail("forged");
        Document letter = start(email, "LETTER", PARTNER);
        String token = letter.select("input[name=formToken]").val();
        String forged = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertRefused(letterPost(letter, Map.of("formToken", forged)), 400,
                "it was changed, or it belongs to another form");
        assertRefused(letterPost(letter, Map.of("formToken", "not-a-token")), 400,
                "it was changed, or it belongs to another form");
        assertThat(count("select count(*) from supporter_action where supporter_id = ?", supporterId(email))).isZero();
    }

    @Test
    void aChangedStateOrHiddenFieldIsRefused() throws Exception {
        String email = uniqueEmail("tampered");
        Document call = start(email, "CALL", PARTNER);
        // The token is bound to the legislator the form is for: moving it to another one
        // is refused.
        assertRefused(callPost(call, "VOICEMAIL", Map.of("bioguideId", "S000033", "step", "1")), 400,
                "it was changed, or it belongs to another form");
        String state = call.select("input[name=s]").val();
        char last = state.charAt(state.length() - 2);
        String tampered = state.substring(0, state.length() - 2) + (last == 'A' ? 'B' : 'A')
                + state.charAt(state.length() - 1);
        assertRefused(callPost(call, "VOICEMAIL", Map.of("s", tampered)), 400, "This form has expired or was changed");
        assertThat(count("select count(*) from supporter_action where supporter_id = ?", supporterId(email))).isZero();
    }

    @Test
    void aTokenFromAnotherFormIsRefused() throws Exception {
        String email = uniqueEmail("misplaced");
        Document letter = start(email, "LETTER", PARTNER);
        Document call = open("/embed/tsra/call?s="
                + URLEncoder.encode(letter.select("input[name=s]").val(), StandardCharsets.UTF_8));
        assertThat(call.select("h1").text()).isEqualTo("Call Rep. Becca Balint");
        assertRefused(letterPost(letter, Map.of("formToken", call.select("input[name=formToken]").val())), 400,
                "belongs to another form");
        assertRefused(callPost(call, "BUSY", Map.of("formToken", letter.select("input[name=formToken]").val())), 400,
                "belongs to another form");
        assertThat(count("select count(*) from supporter_action where supporter_id = ?", supporterId(email))).isZero();
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        String email = uniqueEmail("expired");
        Document letter = start(email, "LETTER", PARTNER);
        // Signed with the site's own key, three hours ago (tokens last two).
        EmbedFormTokens past = new EmbedFormTokens(() -> secrets.secret("embed-form-key", 32), Duration.ofHours(2),
                Duration.ZERO, Clock.fixed(Instant.now().minus(Duration.ofHours(3)), ZoneOffset.UTC));
        String sealed = letter.select("input[name=s]").val();
        String old = past.issue(EmbedFormTokens.binding("letter", "tsra", sealed, "B001318,S000033,W000800"));
        assertRefused(letterPost(letter, Map.of("formToken", old)), 400, "This form has expired");
        assertThat(count("select count(*) from supporter_action where supporter_id = ?", supporterId(email))).isZero();
    }

    @Test
    void aReplayedPostIsRefusedAndCountedOnce() throws Exception {
        String email = uniqueEmail("replayed");
        Document letter = start(email, "LETTER", PARTNER);
        mvc.perform(letterPost(letter)).andExpect(status().isOk());
        assertRefused(letterPost(letter), 409, "This form was already sent");
        Document call = open("/embed/tsra/call?s="
                + URLEncoder.encode(letter.select("input[name=s]").val(), StandardCharsets.UTF_8));
        mvc.perform(callPost(call, "BUSY")).andExpect(status().isFound());
        assertRefused(callPost(call, "BUSY"), 409, "This form was already sent");
        assertThat(count("select count(*) from supporter_action where supporter_id = ?", supporterId(email)))
            .isEqualTo(4);
        assertThat(count("select count(*) from embedded_action e join supporter_action a on a.id = e.action_id"
                + " where a.supporter_id = ?", supporterId(email)))
            .isEqualTo(4);
    }

    @Test
    void aReplayedFirstFormIsRefusedAndSavesNoOneTwice() throws Exception {
        String email = uniqueEmail("restart");
        Document page = open("/embed/tsra?partner=" + PARTNER + "&actions=letter");
        MockHttpServletRequestBuilder post = post("/embed/tsra/start")
            .param("state", page.select("input[name=state]").val())
            .param("formToken", page.select("input[name=formToken]").val())
            .param("name", "Re Start")
            .param("email", email)
            .param("zip", ZIP);
        mvc.perform(post).andExpect(status().isFound());
        int rows = count("select count(*) from supporter where lower(email) = lower(?) or claims_supporter_id = ?",
                email, supporterId(email));
        assertRefused(post, 409, "This form was already sent");
        assertThat(count("select count(*) from supporter where lower(email) = lower(?) or claims_supporter_id = ?",
                email, supporterId(email)))
            .isEqualTo(rows);
    }

    @Test
    void aFilledHoneypotIsThankedAndRecordsNothing() throws Exception {
        String email = uniqueEmail("honeypot");
        Document letter = start(email, "LETTER", PARTNER);
        mvc.perform(letterPost(letter, Map.of("website", "http://spam.example"))).andExpect(status().isFound());
        assertThat(count("select count(*) from supporter_action where supporter_id = ?", supporterId(email))).isZero();
    }

    @Test
    void theStartFormSaysWhatToFixAndSpeaksSpanish() throws Exception {
        Document page = open("/embed/tsra?partner=" + PARTNER + "&language=es&signup=false&button=Escribir");
        assertThat(page.select("html").attr("lang")).isEqualTo("es");
        assertThat(page.select("#updates")).as("no sign-up ask").isEmpty();
        assertThat(page.select("button[type=submit]").text()).isEqualTo("Escribir");
        String html = mvc
            .perform(post("/embed/tsra/start").param("state", page.select("input[name=state]").val())
                .param("formToken", page.select("input[name=formToken]").val())
                .param("name", "")
                .param("email", "nope")
                .param("zip", "1"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        Document again = Jsoup.parse(html);
        assertThat(again.select(".error-summary a").eachAttr("href")).contains("#name", "#email", "#zip",
                "#action-LETTER");
        assertThat(again.select("html").attr("lang")).isEqualTo("es");
    }

    @Test
    void theCountsAreOpenToEveryOrigin() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/v1/campaigns/tsra/counts").header("Origin", PARTNER))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse();
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(response.getHeader("Cache-Control")).contains("max-age=60").contains("public");
        assertThat(response.getContentAsString()).contains("\"campaign\":\"tsra\"").contains("\"LETTER\":");
        mvc.perform(get("/api/v1/campaigns/no-such-campaign/counts")).andExpect(status().isNotFound());
    }

    /**
     * The widget's first page for this partner, then its form posted: the letter or call
     * page it leads to.
     */
    private Document start(String email, String action, String partner) throws Exception {
        Document page = open("/embed/tsra?partner=" + partner + "&actions=letter,call");
        MvcResult result = mvc
            .perform(post("/embed/tsra/start").param("state", page.select("input[name=state]").val())
                .param("formToken", page.select("input[name=formToken]").val())
                .param("name", "Embedded Supporter")
                .param("email", email)
                .param("zip", ZIP)
                .param("action", action)
                .param("website", ""))
            .andExpect(status().isFound())
            .andReturn();
        assertNoSession(result);
        return open(result.getResponse().getRedirectedUrl());
    }

    private Document open(String url) throws Exception {
        MvcResult result = mvc.perform(MockMvcRequestBuilders.get(URI.create(url)))
            .andExpect(status().isOk())
            .andReturn();
        assertNoSession(result);
        Document document = Jsoup.parse(result.getResponse().getContentAsString());
        document.setBaseUri(url);
        return document;
    }

    private static void assertNoSession(MvcResult result) {
        assertThat(result.getRequest().getSession(false)).as("the widget keeps nothing in a session").isNull();
        assertThat(result.getResponse().getHeaders("Set-Cookie")).isEmpty();
    }

    private static MockHttpServletRequestBuilder letterPost(Document letter) {
        return letterPost(letter, Map.of());
    }

    private static MockHttpServletRequestBuilder letterPost(Document letter, Map<String, String> changed) {
        MockHttpServletRequestBuilder post = post("/embed/tsra/letter")
            .param("s", changed.getOrDefault("s", letter.select("input[name=s]").val()))
            .param("formToken", changed.getOrDefault("formToken", letter.select("input[name=formToken]").val()))
            .param("subject", letter.select("#subject").val())
            .param("website", changed.getOrDefault("website", ""))
            .param("delivery", "MAILTO");
        for (var box : letter.select("input[name=targets]")) {
            post.param("targets", box.val());
            post.param("body-" + box.val(), letter.select("#body-" + box.val()).text());
        }
        return post;
    }

    private static MockHttpServletRequestBuilder callPost(Document call, String outcome) {
        return callPost(call, outcome, Map.of());
    }

    private static MockHttpServletRequestBuilder callPost(Document call, String outcome, Map<String, String> changed) {
        return post("/embed/tsra/call").param("s", changed.getOrDefault("s", call.select("input[name=s]").val()))
            .param("formToken", changed.getOrDefault("formToken", call.select("input[name=formToken]").val()))
            .param("step", changed.getOrDefault("step", call.select("input[name=step]").val()))
            .param("bioguideId", changed.getOrDefault("bioguideId", call.select("input[name=bioguideId]").val()))
            .param("outcome", outcome);
    }

    private void assertRefused(MockHttpServletRequestBuilder post, int status, String message) throws Exception {
        MvcResult result = mvc.perform(post).andExpect(status().is(status)).andReturn();
        Document page = Jsoup.parse(result.getResponse().getContentAsString());
        assertThat(page.select(".refusal").text()).contains(message);
        assertThat(page.text()).contains("Nothing was recorded");
    }

}
