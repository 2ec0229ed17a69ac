package org.advocacy.site.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignService;
import org.advocacy.shared.PublicUrls;
import org.advocacy.site.SiteWebMvcTest;
import org.advocacy.site.supporters.SupporterMails;
import org.advocacy.stories.Attribution;
import org.advocacy.stories.Story;
import org.advocacy.stories.StoryService;
import org.advocacy.stories.StorySubmission;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The story form as a survivor meets it: no consent ticked, clear messages in their
 * language, a post/redirect/get with the private link, one story for a double submit, a
 * bot's post dropped, a post without a CSRF token refused. The stored rows are checked by
 * {@link StorySubmissionIntegrationTests}.
 */
@SiteWebMvcTest(StoryController.class)
class StoryControllerTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CampaignService campaigns;

    @MockitoBean
    StoryService stories;

    @MockitoBean
    SupporterMails mails;

    @MockitoBean
    PublicUrls urls;

    Campaign campaign = new Campaign("tsra", "Trafficking Survivors Relief Act", "<p>Explainer</p>");

    @BeforeEach
    void campaign() {
        ReflectionTestUtils.setField(campaign, "id", 7L);
        given(campaigns.findPublic("tsra")).willReturn(Optional.of(campaign));
        given(urls.baseUrl()).willReturn("https://act.example.org");
    }

    @Test
    void theFormTicksNoConsentAndWarnsAgainstIdentifyingDetails() throws Exception {
        Document form = form(new MockHttpSession());

        assertThat(form.select("input[type=checkbox]")).hasSize(3);
        assertThat(form.select("input[type=checkbox][checked]")).as("no consent ticked by default").isEmpty();
        assertThat(form.select("input[name=attribution][checked]").val()).isEqualTo("ANONYMOUS");
        assertThat(form.text()).contains("Please leave out anything that could identify you");
        assertThat(form.select("input[name=formToken]").val()).isNotBlank();
    }

    @Test
    void aStoryIsSubmittedWithItsSeparateConsentsAndTheVisitorIsRedirectedToThePrivateLink() throws Exception {
        Story stored = new Story(7L, "A record", "Text.", Attribution.PSEUDONYM, "R.", "Violence");
        stored.setContactEmail("survivor@example.org");
        given(stories.submit(any())).willReturn(stored);
        MockHttpSession session = new MockHttpSession();
        Document form = form(session);
        String link = "https://act.example.org/stories/withdraw/" + stored.getWithdrawalToken();

        mvc.perform(submit(session, form,
                Map.of("title", " A record ", "body", "Text.", "attribution", "PSEUDONYM", "displayName", "R.",
                        "contentWarning", "Violence", "contactEmail", "survivor@example.org", "publishOnSite", "true",
                        "shareWithPress", "true")))
            .andExpect(redirectedUrl("/campaigns/tsra/stories/submitted"))
            .andExpect(flash().attribute("withdrawalUrl", link));

        ArgumentCaptor<StorySubmission> submission = ArgumentCaptor.forClass(StorySubmission.class);
        verify(stories).submit(submission.capture());
        assertThat(submission.getValue()).isEqualTo(new StorySubmission(7L, "A record", "Text.", Attribution.PSEUDONYM,
                "R.", "Violence", "survivor@example.org", true, false, true));
        verify(mails).sendStoryReceipt("survivor@example.org", link, Locale.ENGLISH);
    }

    @Test
    void anAnonymousStoryKeepsNoDisplayNameAndWithoutAnEmailNoReceiptIsSent() throws Exception {
        given(stories.submit(any())).willReturn(new Story(7L, "Quiet", "Text.", Attribution.ANONYMOUS, null, null));
        MockHttpSession session = new MockHttpSession();

        mvc.perform(
                submit(session, form(session),
                        Map.of("title", "Quiet", "body", "Text.", "attribution", "ANONYMOUS", "displayName",
                                "Not shown", "shareWithOffices", "true")))
            .andExpect(redirectedUrl("/campaigns/tsra/stories/submitted"));

        ArgumentCaptor<StorySubmission> submission = ArgumentCaptor.forClass(StorySubmission.class);
        verify(stories).submit(submission.capture());
        assertThat(submission.getValue().displayName()).isNull();
        assertThat(submission.getValue().shareWithOffices()).isTrue();
        verifyNoInteractions(mails);
    }

    @Test
    void aStoryWithoutConsentOrTitleIsRefusedWithClearMessagesAndNothingIsSubmitted() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String html = mvc
            .perform(submit(session, form(session),
                    Map.of("title", "", "body", "Body", "attribution", "NAME", "contactEmail", "nope")))
            .andExpect(status().isOk())
            .andExpect(view().name("stories/new"))
            .andExpect(model().attribute("campaign", campaign))
            .andReturn()
            .getResponse()
            .getContentAsString();

        Document page = Jsoup.parse(html);
        assertThat(page.select(".error-summary a").eachAttr("href")).containsExactly("#title", "#displayName",
                "#contactEmail", "#publishOnSite");
        assertThat(page.select(".error-summary a").eachText()).containsExactly("Give your story a title.",
                "Enter the name or pseudonym to show, or choose anonymous.",
                "Enter an email address like name@example.com.", "Choose at least one way we may use your story.");
        assertThat(page.title()).startsWith("Error:");
        assertThat(page.getElementById("title").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.getElementById("body").text()).as("what was typed is kept").isEqualTo("Body");
        verify(stories, never()).submit(any());
    }

    @Test
    void theMessagesAreInSpanishForASpanishVisit() throws Exception {
        MockHttpSession session = new MockHttpSession();
        Document form = form(session);
        String html = mvc
            .perform(submit(session, form,
                    Map.of("title", "", "body", "Body", "attribution", "NAME", "contactEmail", "nope"))
                .locale(Locale.forLanguageTag("es"))
                .header("Accept-Language", "es"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(Jsoup.parse(html).select(".error-summary a").eachText()).containsExactly(
                "Dé un título a su historia.", "Escriba el nombre o seudónimo que se mostrará, o elija anónima.",
                "Escriba un correo electrónico como nombre@ejemplo.com.",
                "Elija al menos una forma en que podemos usar su historia.");
        verify(stories, never()).submit(any());
    }

    @Test
    void aDoubleSubmittedStoryIsSubmittedOnceAndBothPostsGetThePrivateLink() throws Exception {
        Story stored = new Story(7L, "Twice", "Text.", Attribution.ANONYMOUS, null, null);
        given(stories.submit(any())).willReturn(stored);
        MockHttpSession session = new MockHttpSession();
        Document form = form(session);
        Map<String, String> values = Map.of("title", "Twice", "body", "Text.", "attribution", "ANONYMOUS",
                "shareWithOffices", "true");
        String link = "https://act.example.org/stories/withdraw/" + stored.getWithdrawalToken();

        mvc.perform(submit(session, form, values)).andExpect(flash().attribute("withdrawalUrl", link));
        mvc.perform(submit(session, form, values))
            .andExpect(redirectedUrl("/campaigns/tsra/stories/submitted"))
            .andExpect(flash().attribute("withdrawalUrl", link));

        verify(stories).submit(any());
    }

    @Test
    void aFilledHoneypotOrAMadeUpTokenIsThankedAndDropped() throws Exception {
        MockHttpSession session = new MockHttpSession();
        Document form = form(session);
        Map<String, String> values = Map.of("title", "Spam", "body", "Spam", "attribution", "ANONYMOUS",
                "publishOnSite", "true");

        mvc.perform(submit(session, form, values).param("website", "http://spam.example"))
            .andExpect(redirectedUrl("/campaigns/tsra/thanks"));
        mvc.perform(post("/campaigns/tsra/stories").session(session)
            .with(csrf())
            .param("formToken", "1700000000000.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA")
            .param("title", "Spam")
            .param("body", "Spam")
            .param("attribution", "ANONYMOUS")
            .param("publishOnSite", "true")).andExpect(redirectedUrl("/campaigns/tsra/thanks"));

        verify(stories, never()).submit(any());
        verifyNoInteractions(mails);
    }

    @Test
    void aPostWithoutACsrfTokenIsRefused() throws Exception {
        MockHttpSession session = new MockHttpSession();
        Document form = form(session);

        mvc.perform(post("/campaigns/tsra/stories").session(session)
            .param("formToken", form.select("input[name=formToken]").val())
            .param("title", "No token")
            .param("body", "Text.")
            .param("attribution", "ANONYMOUS")
            .param("publishOnSite", "true")).andExpect(status().isForbidden());
        mvc.perform(post("/stories/withdraw/some-token")).andExpect(status().isForbidden());

        verify(stories, never()).submit(any());
        verify(stories, never()).withdrawConsent(anyString());
    }

    @Test
    void thePagesCarryTheSitesSecurityHeaders() throws Exception {
        mvc.perform(get("/campaigns/tsra/stories/new"))
            .andExpect(header().string("Content-Security-Policy",
                    allOf(containsString("script-src 'self'"), containsString("frame-ancestors 'none'"))))
            .andExpect(header().string("X-Frame-Options", "DENY"))
            .andExpect(header().string("Referrer-Policy", "no-referrer"))
            .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void anUnknownOrUnpublishedCampaignIsNotFound() throws Exception {
        given(campaigns.findPublic("draft")).willReturn(Optional.empty());

        mvc.perform(get("/campaigns/draft/stories/new")).andExpect(status().isNotFound());
        mvc.perform(post("/campaigns/draft/stories").with(csrf())).andExpect(status().isNotFound());
        verify(stories, never()).submit(any());
    }

    @Test
    void thePrivateLinkAsksFirstAndWithdrawsOnlyOnThePostThenShowsTheOutcome() throws Exception {
        Story story = new Story(7L, "My story", "Text.", Attribution.ANONYMOUS, null, null);
        String token = story.getWithdrawalToken();
        given(stories.findByWithdrawalToken(token)).willReturn(Optional.of(story));

        Document ask = Jsoup.parse(mvc.perform(get("/stories/withdraw/" + token))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
        assertThat(ask.select("h1").text()).isEqualTo("Withdraw your consent");
        assertThat(ask.select("form").attr("action")).isEqualTo("/stories/withdraw/" + token);
        verify(stories, never()).withdrawConsent(anyString());

        given(stories.withdrawConsent(token)).willAnswer(invocation -> {
            story.withdrawConsent(Instant.now());
            return Optional.of(story);
        });
        mvc.perform(post("/stories/withdraw/" + token).with(csrf()))
            .andExpect(redirectedUrl("/stories/withdraw/" + token));
        verify(stories).withdrawConsent(eq(token));

        Document done = Jsoup.parse(mvc.perform(get("/stories/withdraw/" + token))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
        assertThat(done.select("h1").text()).isEqualTo("Your consent is withdrawn");
        assertThat(done.select("form")).isEmpty();
    }

    @Test
    void anUnknownWithdrawalLinkIsNotFound() throws Exception {
        given(stories.findByWithdrawalToken("unknown")).willReturn(Optional.empty());
        given(stories.withdrawConsent("unknown")).willReturn(Optional.empty());

        mvc.perform(get("/stories/withdraw/unknown")).andExpect(status().isNotFound());
        mvc.perform(post("/stories/withdraw/unknown").with(csrf())).andExpect(status().isNotFound());
    }

    private Document form(MockHttpSession session) throws Exception {
        return Jsoup.parse(mvc.perform(get("/campaigns/tsra/stories/new").session(session))
            .andExpect(status().isOk())
            .andExpect(view().name("stories/new"))
            .andReturn()
            .getResponse()
            .getContentAsString());
    }

    private static MockHttpServletRequestBuilder submit(MockHttpSession session, Document form,
            Map<String, String> values) {
        MockHttpServletRequestBuilder request = post("/campaigns/tsra/stories").session(session)
            .with(csrf())
            .param("formToken", form.select("input[name=formToken]").val());
        values.forEach(request::param);
        return request;
    }

}
