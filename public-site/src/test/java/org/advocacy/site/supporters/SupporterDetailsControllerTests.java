package org.advocacy.site.supporters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Instant;
import java.util.Locale;

import org.advocacy.site.SiteWebMvcTest;
import org.advocacy.supporters.SavedVisit;
import org.advocacy.supporters.Supporter;
import org.advocacy.supporters.SupporterDetails;
import org.advocacy.supporters.SupporterService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The details step every action starts with: messages field by field in the visitor's
 * language, what they typed kept, a bot's post dropped, a post without a CSRF token
 * refused, and after saving a redirect back to the action, never to another site. What is
 * written is checked by {@link SupporterSignUpIntegrationTests}.
 */
@SiteWebMvcTest(SupporterDetailsController.class)
class SupporterDetailsControllerTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SupporterService supporters;

    @MockitoBean
    SupporterMails mails;

    @Test
    void validDetailsAreSavedOnceAndTheVisitorGoesBackToTheirActionWithANewSessionId() throws Exception {
        Supporter supporter = supporter(41L, "ana@example.org", "Ana Lopez");
        given(supporters.saveVisit(any(), isNull())).willReturn(new SavedVisit(supporter, null));
        MockHttpSession session = new MockHttpSession();
        Document form = page(session, "/supporter?next=/campaigns/tsra/call");
        String before = session.getId();

        mvc.perform(details(session, form, " Ana Lopez ", "ana@example.org", "05401"))
            .andExpect(redirectedUrl("/campaigns/tsra/call"));

        verify(supporters).saveVisit(new SupporterDetails("Ana Lopez", "ana@example.org", "05401", null, null, false),
                null);
        verifyNoInteractions(mails);
        assertThat(session.getId()).as("a new session id once the visit holds who they are").isNotEqualTo(before);
        assertThat(SupporterSession.current(session))
            .contains(new SessionSupporter(41L, "Ana Lopez", "ana@example.org", "05401"));
    }

    @Test
    void theFormIsFilledFromTheVisitAndTheUpdatesBoxIsNotTicked() throws Exception {
        given(supporters.exists(41L)).willReturn(true);
        MockHttpSession session = new MockHttpSession();
        SupporterSession.remember(session, new SessionSupporter(41L, "Ana Lopez", "ana@example.org", "05401"));

        Document form = page(session, "/supporter?next=/");

        assertThat(form.getElementById("name").val()).isEqualTo("Ana Lopez");
        assertThat(form.getElementById("email").val()).isEqualTo("ana@example.org");
        assertThat(form.getElementById("zip").val()).isEqualTo("05401");
        assertThat(form.select("input[type=checkbox][checked]")).isEmpty();
    }

    @Test
    void askingForUpdatesSendsTheConfirmationEmailInTheVisitorsLanguage() throws Exception {
        Supporter supporter = supporter(42L, "bea@example.org", "Bea");
        supporter.requestConsent(Instant.now());
        given(supporters.saveVisit(any(), isNull())).willReturn(new SavedVisit(supporter, null));
        MockHttpSession session = new MockHttpSession();
        Document form = page(session, "/supporter?next=/");

        mvc.perform(details(session, form, "Bea", "bea@example.org", "05401").param("updates", "true")
            .locale(Locale.forLanguageTag("es"))
            .header("Accept-Language", "es")).andExpect(redirectedUrl("/"));

        verify(supporters).saveVisit(new SupporterDetails("Bea", "bea@example.org", "05401", null, null, true), null);
        verify(mails).sendConfirmation(supporter, Locale.forLanguageTag("es"));
    }

    @Test
    void anEmailAddressAlreadyKnownGetsAVisitConfirmationInsteadOfBeingTakenOver() throws Exception {
        Supporter visit = supporter(43L, "known@example.org", "Someone");
        given(supporters.saveVisit(any(), isNull())).willReturn(new SavedVisit(visit, "visit-token"));
        MockHttpSession session = new MockHttpSession();
        Document form = page(session, "/supporter?next=/");

        mvc.perform(details(session, form, "Someone", "known@example.org", "05401")).andExpect(redirectedUrl("/"));

        verify(mails).sendVisitConfirmation("known@example.org", "visit-token", Locale.ENGLISH);
        verify(mails, never()).sendConfirmation(any(), any());
    }

    @Test
    void invalidDetailsAreExplainedFieldByFieldAndNothingIsSaved() throws Exception {
        MockHttpSession session = new MockHttpSession();
        Document form = page(session, "/supporter?next=/");

        String html = mvc.perform(details(session, form, "", "not-an-email", "123"))
            .andExpect(status().isOk())
            .andExpect(view().name("supporters/details"))
            .andReturn()
            .getResponse()
            .getContentAsString();

        Document page = Jsoup.parse(html);
        assertThat(page.select(".error-summary a").eachAttr("href")).containsExactly("#name", "#email", "#zip");
        assertThat(page.select(".error-summary a").eachText()).containsExactly("Enter your name.",
                "Enter an email address like name@example.com.", "Enter a ZIP code of five digits, like 05401.");
        assertThat(page.getElementById("email").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.getElementById("email").val()).isEqualTo("not-an-email");
        verify(supporters, never()).saveVisit(any(), any());
    }

    @Test
    void theMessagesAreInSpanishForASpanishVisit() throws Exception {
        MockHttpSession session = new MockHttpSession();
        Document form = page(session, "/supporter?next=/");

        String html = mvc
            .perform(details(session, form, "", "nope", "1234").locale(Locale.forLanguageTag("es"))
                .header("Accept-Language", "es"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(Jsoup.parse(html).select(".error-summary a").eachText()).containsExactly("Escriba su nombre.",
                "Escriba un correo electrónico como nombre@ejemplo.com.",
                "Escriba un código postal de cinco dígitos, como 05401.");
        verify(supporters, never()).saveVisit(any(), any());
    }

    @Test
    void aFilledHoneypotIsAcceptedSilentlyAndNothingIsSavedOrSent() throws Exception {
        MockHttpSession session = new MockHttpSession();
        Document form = page(session, "/supporter?next=/");

        mvc.perform(details(session, form, "Bot", "bot@example.org", "05401").param("updates", "true")
            .param("website", "spam")).andExpect(redirectedUrl("/"));

        verify(supporters, never()).saveVisit(any(), any());
        verifyNoInteractions(mails);
        assertThat(SupporterSession.current(session)).isEmpty();
    }

    @Test
    void aPostWithoutACsrfTokenIsRefused() throws Exception {
        MockHttpSession session = new MockHttpSession();
        Document form = page(session, "/supporter?next=/");

        mvc.perform(post("/supporter").session(session)
            .param("name", "Ana")
            .param("email", "ana@example.org")
            .param("zip", "05401")
            .param("next", "/")
            .param("formToken", form.select("input[name=formToken]").val())).andExpect(status().isForbidden());

        verify(supporters, never()).saveVisit(any(), any());
    }

    @Test
    void nextMustStayOnThisSite() throws Exception {
        assertThat(page(new MockHttpSession(), "/supporter?next=//evil.example/").select("input[name=next]").val())
            .isEqualTo("/");
        assertThat(
                page(new MockHttpSession(), "/supporter?next=https://evil.example/").select("input[name=next]").val())
            .isEqualTo("/");

        Supporter supporter = supporter(44L, "next@example.org", "Next");
        given(supporters.saveVisit(any(), any())).willReturn(new SavedVisit(supporter, null));
        MockHttpSession session = new MockHttpSession();
        Document form = page(session, "/supporter?next=/");
        mvc.perform(post("/supporter").session(session)
            .with(csrf())
            .param("name", "Next")
            .param("email", "next@example.org")
            .param("zip", "05401")
            .param("next", "//evil.example/")
            .param("formToken", form.select("input[name=formToken]").val())).andExpect(redirectedUrl("/"));
    }

    private static Supporter supporter(long id, String email, String name) {
        Supporter supporter = new Supporter(email, name);
        ReflectionTestUtils.setField(supporter, "id", id);
        return supporter;
    }

    private Document page(MockHttpSession session, String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).session(session))
            .andExpect(status().isOk())
            .andExpect(view().name("supporters/details"))
            .andReturn()
            .getResponse()
            .getContentAsString());
    }

    private static MockHttpServletRequestBuilder details(MockHttpSession session, Document form, String name,
            String email, String zip) {
        return post("/supporter").session(session)
            .with(csrf())
            .param("name", name)
            .param("email", email)
            .param("zip", zip)
            .param("next", form.select("input[name=next]").val())
            .param("formToken", form.select("input[name=formToken]").val());
    }

}
