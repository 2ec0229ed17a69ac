package org.advocacy.site.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.advocacy.testsupport.SharedSmtp;
import org.advocacy.site.SiteIntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.icegreen.greenmail.util.GreenMailUtil;

class StorySubmissionIntegrationTests extends SiteIntegrationTest {

    @RegisterExtension
    static final SharedSmtp greenMail = new SharedSmtp();

    @Test
    void aStoryIsStoredUnpublishedWithItsSeparateConsentsAndCanBeWithdrawnWithThePrivateLink() throws Exception {
        String title = "A record that followed me " + System.nanoTime();
        MockHttpSession session = new MockHttpSession();
        Document form = page(session, "/campaigns/tsra/stories/new");
        assertThat(form.select("input[type=checkbox][checked]")).as("no consent ticked by default").isEmpty();
        assertThat(form.text()).contains("Please leave out anything that could identify you");

        String email = uniqueEmail("survivor");
        String location = mvc
            .perform(submit(session, form,
                    Map.of("title", title, "body", "First paragraph.\n\nSecond.", "attribution", "PSEUDONYM",
                            "displayName", "R.", "contentWarning", "Violence", "contactEmail", email, "publishOnSite",
                            "true", "shareWithPress", "true")))
            .andExpect(redirectedUrl("/campaigns/tsra/stories/submitted"))
            .andReturn()
            .getFlashMap()
            .get("withdrawalUrl")
            .toString();

        Map<String, Object> story = jdbc
            .queryForMap("select id, status, attribution, display_name, content_warning, contact_email"
                    + " from story where title = ?", title);
        assertThat(story).containsEntry("status", "SUBMITTED")
            .containsEntry("attribution", "PSEUDONYM")
            .containsEntry("display_name", "R.")
            .containsEntry("content_warning", "Violence");
        assertThat(jdbc
            .queryForMap("select publish_on_site, share_with_offices, share_with_press, withdrawn_at from story_consent"
                    + " where story_id = ?", story.get("id")))
            .containsEntry("publish_on_site", true)
            .containsEntry("share_with_offices", false)
            .containsEntry("share_with_press", true)
            .containsEntry("withdrawn_at", null);
        assertThat(page(new MockHttpSession(), "/campaigns/tsra").text()).as("not published before moderation")
            .doesNotContain(title);

        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(greenMail.getReceivedMessages()[0].getMessageID()).endsWith("@advocacy.localhost>");
        assertThat(GreenMailUtil.getBody(greenMail.getReceivedMessages()[0]).replace("=\r\n", ""))
            .contains(location.substring(location.lastIndexOf('/') + 1));

        String path = location.substring("http://localhost".length());
        Document confirm = page(new MockHttpSession(), path);
        assertThat(confirm.select("h1").text()).isEqualTo("Withdraw your consent");
        assertThat(jdbc.queryForObject("select status from story where title = ?", String.class, title))
            .isEqualTo("SUBMITTED");

        mvc.perform(post(path).with(csrf())).andExpect(redirectedUrl(path));
        assertThat(jdbc.queryForObject("select status from story where title = ?", String.class, title))
            .isEqualTo("WITHDRAWN");
        assertThat(count("select count(*) from story_consent where story_id = ? and withdrawn_at is not null",
                story.get("id")))
            .isEqualTo(1);
        assertThat(page(new MockHttpSession(), path).select("h1").text()).isEqualTo("Your consent is withdrawn");
    }

    @Test
    void withdrawingAPublishedStoryTakesItOffTheCampaignPageAtOnce() throws Exception {
        String title = "Published then withdrawn " + System.nanoTime();
        MockHttpSession session = new MockHttpSession();
        Document form = page(session, "/campaigns/tsra/stories/new");
        String location = mvc
            .perform(submit(session, form,
                    Map.of("title", title, "body", "Text.", "attribution", "ANONYMOUS", "publishOnSite", "true")))
            .andReturn()
            .getFlashMap()
            .get("withdrawalUrl")
            .toString();
        jdbc.update("update story set status = 'PUBLISHED', published_at = now() where title = ?", title);
        long id = jdbc.queryForObject("select id from story where title = ?", Long.class, title);
        // The page is cached briefly: read it once so the cache holds the published
        // story.
        page(new MockHttpSession(), "/campaigns/tsra");
        mvc.perform(get("/campaigns/tsra/stories/" + id)).andExpect(status().isOk());

        mvc.perform(post(location.substring("http://localhost".length())).with(csrf())).andExpect(status().isFound());

        assertThat(page(new MockHttpSession(), "/campaigns/tsra").text()).doesNotContain(title);
        mvc.perform(get("/campaigns/tsra/stories/" + id)).andExpect(status().isNotFound());
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
