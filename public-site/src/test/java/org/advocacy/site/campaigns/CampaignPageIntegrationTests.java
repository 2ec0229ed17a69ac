package org.advocacy.site.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.advocacy.site.SiteIntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

class CampaignPageIntegrationTests extends SiteIntegrationTest {

    @Test
    void theCampaignPageHasTheInformationCentreAndHowToHelp() throws Exception {
        Document page = page(new MockHttpSession(), "/campaigns/tsra");
        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.select("html").attr("lang")).isEqualTo("en");
        assertThat(page.select(".hotline").text()).contains("1-888-373-7888").contains("233733");
        assertThat(page.getElementById("quick-exit").attr("href")).isEqualTo("http://localhost/neutral");
        assertThat(page.select(".timeline li")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(page.select(".key-fact figcaption").text()).contains("Polaris National Survivor Study");
        assertThat(page.select("form.zip-form").attr("action")).isEqualTo("/campaigns/tsra/legislators");
        assertThat(page.select(".how-to-help a[href=/campaigns/tsra/legislators]")).hasSize(3);
        assertThat(page.select("a[href=/campaigns/tsra/stories/new]")).hasSize(1);
        assertThat(page.select("progress#goal-progress").attr("max")).isEqualTo("100");
    }

    @Test
    void noPageLoadsAnythingFromAnotherHost() throws Exception {
        Document page = page(new MockHttpSession(), "/campaigns/tsra");
        for (Element element : page.select("script[src], link[href], img[src], iframe, video, audio, source")) {
            String url = element.hasAttr("src") ? element.attr("src") : element.attr("href");
            assertThat(url).as(element.outerHtml()).startsWith("/");
        }
        assertThat(page.select("script:not([src])")).as("no inline scripts").isEmpty();
        assertThat(page.select(".share-links a").eachAttr("href")).anyMatch(h -> h.startsWith("mailto:?subject="))
            .anyMatch(h -> h.startsWith("sms:"))
            .anyMatch(h -> h.startsWith("https://www.facebook.com/sharer/"));
    }

    @Test
    void storiesHaveTheirOwnPageAndContentWarningsHideTheTextBehindADisclosure() throws Exception {
        Document page = page(new MockHttpSession(), "/campaigns/tsra");
        Element story = page.select("article.story")
            .stream()
            .filter(a -> !a.select("details").isEmpty())
            .findFirst()
            .orElseThrow();
        assertThat(story.select("details summary").text()).startsWith("Content warning:");
        assertThat(story.select("details > p")).isNotEmpty();
        assertThat(story.select(":root > p:not(.byline):not(.example-badge)"))
            .as("no story text outside the disclosure")
            .isEmpty();
        Document own = page(new MockHttpSession(), story.select("h3 a").attr("href"));
        assertThat(own.select("h1").text()).isEqualTo(story.select("h3").text());
        assertThat(own.select("article details summary").text()).startsWith("Content warning:");
    }

    @Test
    void toolkitResourcesHaveTheirOwnPage() throws Exception {
        Document page = page(new MockHttpSession(), "/campaigns/tsra");
        String href = page.select(".toolkit h3 a").first().attr("href");
        Document resource = page(new MockHttpSession(), href);
        assertThat(resource.select("h1").text()).isEqualTo(page.select(".toolkit h3 a").first().text());
    }

    @Test
    void theSiteSpeaksSpanishWhenAsked() throws Exception {
        Document page = page(new MockHttpSession(), "/campaigns/tsra?lang=es");
        assertThat(page.select("html").attr("lang")).isEqualTo("es");
        assertThat(page.select("#help-heading").text()).isEqualTo("Cómo ayudar");
        String spanish = mvc.perform(get("/privacy").header("Accept-Language", "es-MX,es;q=0.9"))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(Jsoup.parse(spanish).select("h1").text()).isEqualTo("Privacidad: qué guardamos y por qué");
    }

    @Test
    void anUnknownCampaignIsNotFound() throws Exception {
        mvc.perform(get("/campaigns/no-such-campaign")).andExpect(status().isNotFound());
        mvc.perform(get("/campaigns/tsra/stories/999999999")).andExpect(status().isNotFound());
    }

}
