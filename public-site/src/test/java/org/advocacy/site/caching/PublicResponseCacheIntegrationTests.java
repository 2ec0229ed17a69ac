package org.advocacy.site.caching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.text.NumberFormat;
import java.util.Locale;

import jakarta.persistence.EntityManager;

import org.advocacy.campaigns.Campaign;
import org.advocacy.site.SiteIntegrationTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

class PublicResponseCacheIntegrationTests extends SiteIntegrationTest {

    @Autowired
    PublicResponseCache cache;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EntityManager entityManager;

    @BeforeEach
    void emptyCache() {
        cache.clear();
    }

    @Test
    void aRepeatedCampaignPageIsServedFromTheCacheWithTheSameBodyAndSecurityHeaders() throws Exception {
        PublicResponseCache.Statistics before = cache.statistics();
        MockHttpServletResponse first = perform(get("/campaigns/tsra"));
        MockHttpServletResponse second = perform(get("/campaigns/tsra"));

        assertThat(cache.statistics().misses() - before.misses()).isEqualTo(1);
        assertThat(cache.statistics().hits() - before.hits()).isEqualTo(1);
        assertThat(second.getStatus()).isEqualTo(200);
        assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString()).contains("1-888-373-7888");
        assertThat(second.getContentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(second.getHeader("Content-Language")).isEqualTo("en");
        for (String header : new String[] { "Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options",
                "Referrer-Policy", "Cache-Control" }) {
            assertThat(second.getHeader(header)).as(header).isNotBlank().isEqualTo(first.getHeader(header));
        }
        assertThat(second.getHeader("Content-Security-Policy")).contains("script-src 'self'")
            .doesNotContain("unsafe-inline");
        assertThat(second.getHeader("Set-Cookie")).isNull();
    }

    @Test
    void eachLanguageHasItsOwnEntry() throws Exception {
        String spanish = perform(get("/campaigns/tsra").header("Accept-Language", "es")).getContentAsString();
        String english = perform(get("/campaigns/tsra").header("Accept-Language", "en")).getContentAsString();
        MockHttpServletResponse spanishAgain = perform(
                get("/campaigns/tsra").header("Accept-Language", "es-MX,es;q=0.9"));

        assertThat(Jsoup.parse(spanish).select("#help-heading").text()).isEqualTo("Cómo ayudar");
        assertThat(Jsoup.parse(english).select("#help-heading").text()).isEqualTo("How to help");
        assertThat(spanishAgain.getContentAsString()).isEqualTo(spanish);
        assertThat(spanishAgain.getHeader("Content-Language")).isEqualTo("es");
        assertThat(cache.statistics().hits()).isPositive();
    }

    @Test
    void aStaffEditShowsOnTheNextRequest() throws Exception {
        perform(get("/campaigns/tsra"));
        perform(get("/campaigns/tsra"));
        int goal = 1000 + (int) (System.nanoTime() % 100_000);
        transactions.executeWithoutResult(status -> entityManager.find(Campaign.class, campaignId()).setGoal(goal));

        String page = perform(get("/campaigns/tsra")).getContentAsString();

        assertThat(Jsoup.parse(page).select("label[for=goal-progress]").text())
            .contains("of our goal of " + NumberFormat.getIntegerInstance(Locale.ENGLISH).format(goal) + " actions");
    }

    @Test
    void answersThatSetACookieOrCarryAnAddressAreNeverStored() throws Exception {
        PublicResponseCache.Statistics before = cache.statistics();
        for (int i = 0; i < 3; i++) {
            assertThat(perform(get("/campaigns/tsra?lang=es")).getHeader("Set-Cookie")).contains("lang=es");
            perform(get("/campaigns/tsra/legislators").param("zip", ZIP).param("address", "1 Main Street"));
        }
        assertThat(cache.statistics().hits()).isEqualTo(before.hits());
        assertThat(cache.statistics().misses() - before.misses()).isEqualTo(6);
    }

    @Test
    void aCachedLookupAnswersAConditionalRequestWithNotModified() throws Exception {
        MockHttpServletResponse first = perform(get("/api/v1/lookup").param("zip", ZIP));
        String etag = first.getHeader("ETag");
        PublicResponseCache.Statistics before = cache.statistics();

        MockHttpServletResponse again = perform(get("/api/v1/lookup").param("zip", ZIP));
        MockHttpServletResponse conditional = perform(
                get("/api/v1/lookup").param("zip", ZIP).header("If-None-Match", etag));

        assertThat(etag).isNotBlank();
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(again.getContentType()).startsWith("application/json");
        assertThat(again.getContentAsString()).isEqualTo(first.getContentAsString()).contains("\"VT\"");
        assertThat(again.getHeader("ETag")).isEqualTo(etag);
        assertThat(conditional.getStatus()).isEqualTo(304);
        assertThat(conditional.getContentAsString()).isEmpty();
        assertThat(cache.statistics().hits() - before.hits()).isEqualTo(2);
    }

    @Test
    void aParameterValueCannotPassForAnotherParameterAndTakeItsEntry() throws Exception {
        String settled = perform(get("/campaigns/tsra/legislators?zip=05401&district=VT-0")).getContentAsString();
        String smuggled = perform(get("/campaigns/tsra/legislators?zip=05401%26district%3DVT-0")).getContentAsString();

        assertThat(Jsoup.parse(settled).select(".error-summary")).isEmpty();
        assertThat(smuggled).isNotEqualTo(settled);
        assertThat(Jsoup.parse(smuggled).select("#zip-error, .error-summary")).isNotEmpty();
    }

    @Test
    void pagesForOneVisitorAreNeverStored() throws Exception {
        PublicResponseCache.Statistics before = cache.statistics();
        perform(get("/supporter").param("next", "/"));
        perform(get("/supporter").param("next", "/"));
        perform(get("/campaigns/tsra/stories/new"));
        perform(get("/campaigns/tsra/stories/new"));
        assertThat(cache.statistics().hits()).isEqualTo(before.hits());
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

}
