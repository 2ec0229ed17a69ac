package org.advocacy.site.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.advocacy.site.SiteIntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A real person can be quicker than the minimum fill time (a short form, autofill, a
 * pasted letter): every form that uses the timing check shows itself again with a notice
 * and what they typed, instead of dropping the post behind a "Thank you".
 */
@TestPropertySource(properties = "advocacy.site.minimum-fill-time=1500ms")
class QuickFormIntegrationTests extends SiteIntegrationTest {

    private static final String LETTER = "/campaigns/tsra/letter?zip=05401&district=VT-0";

    private static final String NOTICE = "That was quick — please check and send again.";

    private static final String NOTICE_ES = "Eso fue rápido: por favor, revíselo y vuelva a enviarlo.";

    @Test
    void aQuickLetterIsShownAgainWithTheNoticeAndTheTypedTextThenAnOrdinaryPostRecordsIt() throws Exception {
        String email = uniqueEmail("quick-letter");
        MockHttpSession session = patientSupporterSession("Quick Writer", email);
        Document form = page(session, LETTER);
        String typed = "Dear Senator Welch, I typed this quickly because I care.";

        MockHttpServletResponse quick = mvc.perform(letter(session, form, typed)).andReturn().getResponse();

        assertThat(quick.getStatus()).isEqualTo(200);
        Document shown = Jsoup.parse(quick.getContentAsString());
        assertThat(shown.select(".error-summary li").text()).isEqualTo(NOTICE);
        assertThat(shown.getElementById("body-W000800").text()).isEqualTo(typed);
        assertThat(shown.getElementById("subject").val()).isEqualTo("Quick subject");
        assertThat(shown.select("input[name=formToken]").val()).isEqualTo(form.select("input[name=formToken]").val());
        assertThat(count("select count(*) from supporter_action where supporter_id = ?", supporterId(email))).isZero();

        Document again = shown;
        await().atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(300))
            .until(() -> mvc.perform(letter(session, again, typed)).andReturn().getResponse().getStatus() == 302);
        assertThat(jdbc.queryForList(
                "select bioguide_id from supporter_action where supporter_id = ? and action_type = 'LETTER'",
                String.class, supporterId(email)))
            .containsExactly("W000800");
    }

    @Test
    void theNoticeIsInSpanishForASpanishVisit() throws Exception {
        MockHttpSession session = patientSupporterSession("Rápida", uniqueEmail("rapida"));
        Document form = page(session, LETTER);
        String html = mvc
            .perform(letter(session, form, "Estimado senador.").locale(Locale.forLanguageTag("es"))
                .header("Accept-Language", "es"))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(Jsoup.parse(html).select(".error-summary li").text()).isEqualTo(NOTICE_ES);
    }

    @Test
    void aQuickPostWithAFilledHoneypotIsStillDroppedSilently() throws Exception {
        String email = uniqueEmail("quick-bot");
        MockHttpSession session = patientSupporterSession("Quick Bot", email);
        Document form = page(session, LETTER);
        assertThat(mvc.perform(letter(session, form, "Spam").param("website", "http://spam.example"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl()).isEqualTo("/campaigns/tsra/thanks");
        assertThat(count("select count(*) from supporter_action where supporter_id = ?", supporterId(email))).isZero();
    }

    @Test
    void aQuickDetailsFormIsShownAgainWithWhatWasTypedAndSavesNothingUntilSentAgain() throws Exception {
        String email = uniqueEmail("quick-details");
        MockHttpSession session = new MockHttpSession();
        Document form = page(session, "/supporter?next=/campaigns/tsra");

        MockHttpServletResponse quick = mvc.perform(details(session, form, "Quick Person", email))
            .andReturn()
            .getResponse();

        assertThat(quick.getStatus()).isEqualTo(200);
        Document shown = Jsoup.parse(quick.getContentAsString());
        assertThat(shown.select(".error-summary li").text()).isEqualTo(NOTICE);
        assertThat(shown.getElementById("name").val()).isEqualTo("Quick Person");
        assertThat(shown.getElementById("email").val()).isEqualTo(email);
        assertThat(count("select count(*) from supporter where lower(email) = lower(?)", email)).isZero();

        await().atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(300))
            .until(() -> mvc.perform(details(session, shown, "Quick Person", email))
                .andReturn()
                .getResponse()
                .getStatus() == 302);
        assertThat(count("select count(*) from supporter where lower(email) = lower(?)", email)).isEqualTo(1);
    }

    @Test
    void aQuickStoryIsShownAgainWithItsTextAndStoredOnlyWhenSentAgain() throws Exception {
        String title = "Quick story " + System.nanoTime();
        MockHttpSession session = new MockHttpSession();
        Document form = page(session, "/campaigns/tsra/stories/new");

        MockHttpServletResponse quick = mvc.perform(story(session, form, title)).andReturn().getResponse();

        assertThat(quick.getStatus()).isEqualTo(200);
        Document shown = Jsoup.parse(quick.getContentAsString());
        assertThat(shown.select(".error-summary li").text()).isEqualTo(NOTICE);
        assertThat(shown.getElementById("title").val()).isEqualTo(title);
        assertThat(count("select count(*) from story where title = ?", title)).isZero();

        await().atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(300))
            .until(() -> mvc.perform(story(session, shown, title)).andReturn().getResponse().getStatus() == 302);
        assertThat(count("select count(*) from story where title = ?", title)).isEqualTo(1);
    }

    /**
     * Gives the details the way a person does here: sent again while the form says it was
     * too quick.
     */
    private MockHttpSession patientSupporterSession(String name, String email) throws Exception {
        MockHttpSession session = new MockHttpSession();
        Document form = page(session, "/supporter?next=/");
        await().atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(300))
            .until(() -> mvc.perform(details(session, form, name, email)).andReturn().getResponse().getStatus() == 302);
        return session;
    }

    private static MockHttpServletRequestBuilder details(MockHttpSession session, Document form, String name,
            String email) {
        return post("/supporter").session(session)
            .with(csrf())
            .param("name", name)
            .param("email", email)
            .param("zip", ZIP)
            .param("next", form.select("input[name=next]").val())
            .param("formToken", form.select("input[name=formToken]").val());
    }

    private static MockHttpServletRequestBuilder letter(MockHttpSession session, Document form, String body) {
        MockHttpServletRequestBuilder request = post("/campaigns/tsra/letter").session(session)
            .with(csrf())
            .param("formToken", form.select("input[name=formToken]").val())
            .param("zip", ZIP)
            .param("district", DISTRICT)
            .param("subject", "Quick subject")
            .param("delivery", "MAILTO");
        for (String id : List.of("W000800")) {
            request.param("targets", id).param("bodies[" + id + "]", body);
        }
        return request;
    }

    private static MockHttpServletRequestBuilder story(MockHttpSession session, Document form, String title) {
        return post("/campaigns/tsra/stories").session(session)
            .with(csrf())
            .param("formToken", form.select("input[name=formToken]").val())
            .param("title", title)
            .param("body", "It happened quickly.")
            .param("attribution", "ANONYMOUS")
            .param("shareWithOffices", "true");
    }

}
