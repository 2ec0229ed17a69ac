package org.advocacy.site.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.advocacy.site.SiteIntegrationTest;
import org.advocacy.supporters.DeliveryMethod;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class LetterActionIntegrationTests extends SiteIntegrationTest {

    private static final String LETTER = "/campaigns/tsra/letter?zip=05401&district=VT-0";

    @Test
    void aVisitorWithoutDetailsIsAskedForThemFirstAndThenReturned() throws Exception {
        mvc.perform(get(LETTER))
            .andExpect(status().isFound())
            .andExpect(redirectedUrl("/supporter?next=/campaigns/tsra/letter?zip%3D05401%26district%3DVT-0"));
    }

    @Test
    void withoutAZipOrDistrictTheSupporterIsSentToFindTheirLegislators() throws Exception {
        MockHttpSession session = supporterSession("Ana Ruiz", uniqueEmail("ana"));
        mvc.perform(get("/campaigns/tsra/letter").session(session))
            .andExpect(redirectedUrl("/campaigns/tsra/legislators"));
        mvc.perform(get("/campaigns/tsra/letter?zip=05401&district=CA-12").session(session))
            .andExpect(redirectedUrl("/campaigns/tsra/legislators?zip=05401"));
    }

    @Test
    void eachLegislatorGetsAPersonalisedLetterAndOneActionIsRecordedPerLegislator() throws Exception {
        String email = uniqueEmail("letter");
        MockHttpSession session = supporterSession("Jordan Lee", email);
        Document form = page(session, LETTER);

        assertThat(form.select("input[name=targets]").eachAttr("value")).containsExactly("B001318", "S000033",
                "W000800");
        assertThat(form.select("input[name=targets]").eachAttr("checked")).hasSize(3);
        assertThat(form.getElementById("cwc")).as("no CWC key: no address is asked for").isNull();
        String balint = form.getElementById("body-B001318").text();
        assertThat(balint).startsWith("Dear Rep. Balint,")
            .contains("in 05401")
            .contains("Public Law 119-73")
            .contains("Jordan Lee")
            .doesNotContain("{{");
        assertThat(form.getElementById("body-S000033").text()).startsWith("Dear Sen. Sanders,");

        var result = mvc.perform(submit(session, form, "MAILTO")).andExpect(status().isFound()).andReturn();
        String ready = result.getResponse().getRedirectedUrl();
        assertThat(ready).startsWith("/campaigns/tsra/letter/ready/");

        long supporter = supporterId(email);
        assertThat(jdbc.queryForObject("select state || '-' || district from supporter where id = ?", String.class,
                supporter))
            .as("the seat the ZIP settled on is kept")
            .isEqualTo("VT-0");
        assertThat(jdbc
            .queryForList("select bioguide_id from supporter_action where supporter_id = ? and action_type = 'LETTER'"
                    + " and delivery_method = 'MAILTO' order by bioguide_id", String.class, supporter))
            .containsExactly("B001318", "S000033", "W000800");

        Document readyPage = page(session, ready);
        List<String> mailtos = readyPage.select("a[href^=mailto:]").eachAttr("href");
        assertThat(mailtos).hasSize(3);
        String body = URLDecoder.decode(mailtos.getFirst().substring(mailtos.getFirst().indexOf("&body=") + 6),
                StandardCharsets.UTF_8);
        assertThat(body).startsWith("Dear Rep. Balint,").contains("Jordan Lee").contains("\r\n");
        assertThat(mailtos.getFirst()).doesNotContain("+").contains("%20");
        assertThat(readyPage.select("a[href=https://www.sanders.senate.gov/contact/]")).hasSize(1);
        assertThat(readyPage.select("a[href=https://balint.house.gov]")).hasSize(1);
        assertThat(readyPage.select(".delivery-state")).as("no CWC key: the page is as it always was").isEmpty();
    }

    @Test
    void aDoubleSubmitRecordsEachLetterOnce() throws Exception {
        String email = uniqueEmail("double");
        MockHttpSession session = supporterSession("Sam Poe", email);
        Document form = page(session, LETTER);
        mvc.perform(submit(session, form, "CONTACT_FORM")).andExpect(status().isFound());
        mvc.perform(submit(session, form, "CONTACT_FORM")).andExpect(status().isFound());
        assertThat(count("select count(*) from supporter_action where supporter_id = ?", supporterId(email)))
            .isEqualTo(3);
        assertThat(jdbc.queryForList("select delivery_method from supporter_action where supporter_id = ?",
                String.class, supporterId(email)))
            .as("one row per recorded letter, none for the repeat")
            .containsOnly(DeliveryMethod.CONTACT_FORM.name());
    }

    @Test
    void theSupporterCanEditTheLetterAndChooseFewerTargets() throws Exception {
        String email = uniqueEmail("edit");
        MockHttpSession session = supporterSession("Kim Doe", email);
        Document form = page(session, LETTER);
        var request = post("/campaigns/tsra/letter").session(session)
            .with(csrf())
            .param("formToken", form.select("input[name=formToken]").val())
            .param("zip", ZIP)
            .param("district", DISTRICT)
            .param("targets", "W000800")
            .param("subject", "My own subject")
            .param("bodies[W000800]", "Dear Senator Welch, please fund the new procedure.")
            .param("delivery", "COPIED");
        String ready = mvc.perform(request).andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        Document readyPage = page(session, ready);
        assertThat(readyPage.select("textarea").first().text()).contains("My own subject")
            .contains("Dear Senator Welch, please fund the new procedure.");
        assertThat(jdbc.queryForList(
                "select bioguide_id || ':' || delivery_method from supporter_action where supporter_id = ?",
                String.class, supporterId(email)))
            .containsExactly("W000800:COPIED");
    }

    @Test
    void anEmptyLetterIsRefusedWithAClearMessageAndNothingIsWritten() throws Exception {
        String email = uniqueEmail("empty");
        MockHttpSession session = supporterSession("Empty Letter", email);
        Document form = page(session, LETTER);
        String html = mvc.perform(submit(session, form, "MAILTO", "S000033", "   "))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        Document page = Jsoup.parse(html);
        assertThat(page.select(".error-summary a[href=#body-S000033]").text())
            .isEqualTo("The letter is empty. Write your letter, or untick this legislator.");
        assertThat(page.getElementById("body-S000033-error")).isNotNull();
        assertThat(page.title()).startsWith("Error:");
        assertThat(count("select count(*) from supporter_action where supporter_id = ?", supporterId(email))).isZero();
    }

    @Test
    void aLetterOverTheLengthLimitIsRefusedAndNothingIsWritten() throws Exception {
        String email = uniqueEmail("long");
        MockHttpSession session = supporterSession("Long Letter", email);
        Document form = page(session, LETTER);
        String html = mvc.perform(submit(session, form, "MAILTO", "B001318", "a".repeat(10_001)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(Jsoup.parse(html).select(".error-summary a[href=#body-B001318]").text())
            .isEqualTo("The letter is too long: please keep it under 10,000 characters.");
        assertThat(count("select count(*) from supporter_action where supporter_id = ?", supporterId(email))).isZero();
    }

    @Test
    void aLetterWithNoTargetIsRefusedAndNothingIsWritten() throws Exception {
        String email = uniqueEmail("none");
        MockHttpSession session = supporterSession("No Target", email);
        Document form = page(session, LETTER);
        var request = post("/campaigns/tsra/letter").session(session)
            .with(csrf())
            .param("formToken", form.select("input[name=formToken]").val())
            .param("zip", ZIP)
            .param("district", DISTRICT)
            .param("subject", "Subject")
            .param("delivery", "MAILTO");
        String html = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).select(".error-summary a[href=#targets]").text())
            .isEqualTo("Choose at least one legislator to write to.");
        assertThat(count("select count(*) from supporter_action where supporter_id = ?", supporterId(email))).isZero();
    }

    @Test
    void aFilledHoneypotIsAcceptedButNothingIsRecorded() throws Exception {
        String email = uniqueEmail("bot");
        MockHttpSession session = supporterSession("Bot Person", email);
        Document form = page(session, LETTER);
        mvc.perform(submit(session, form, "MAILTO").param("website", "http://spam.example"))
            .andExpect(redirectedUrl("/campaigns/tsra/thanks"));
        assertThat(count("select count(*) from supporter_action where supporter_id = ?", supporterId(email))).isZero();
    }

    @Test
    void aPostWithoutCsrfTokenIsRejected() throws Exception {
        String email = uniqueEmail("csrf");
        MockHttpSession session = supporterSession("Csrf Person", email);
        Document form = page(session, LETTER);
        mvc.perform(post("/campaigns/tsra/letter").session(session)
            .param("formToken", form.select("input[name=formToken]").val())
            .param("zip", ZIP)
            .param("district", DISTRICT)
            .param("targets", "B001318")
            .param("subject", "S")
            .param("bodies[B001318]", "Text")
            .param("delivery", "MAILTO")).andExpect(status().isForbidden());
        assertThat(count("select count(*) from supporter_action where supporter_id = ?", supporterId(email))).isZero();
    }

    private static MockHttpServletRequestBuilder submit(MockHttpSession session, Document form, String delivery) {
        return submit(session, form, delivery, "", "");
    }

    /**
     * Submits the form as rendered, except for one legislator's letter, replaced by
     * {@code body}.
     */
    private static MockHttpServletRequestBuilder submit(MockHttpSession session, Document form, String delivery,
            String replacedId, String body) {
        MockHttpServletRequestBuilder request = post("/campaigns/tsra/letter").session(session)
            .with(csrf())
            .param("formToken", form.select("input[name=formToken]").val())
            .param("zip", ZIP)
            .param("district", DISTRICT)
            .param("subject", form.getElementById("subject").val())
            .param("delivery", delivery);
        for (String id : List.of("B001318", "S000033", "W000800")) {
            request.param("targets", id)
                .param("bodies[" + id + "]", id.equals(replacedId) ? body : form.getElementById("body-" + id).text());
        }
        return request;
    }

}
