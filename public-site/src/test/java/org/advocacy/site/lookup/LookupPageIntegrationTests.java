package org.advocacy.site.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The find-your-legislators step of the TSRA campaign, page by page, as a browser without
 * JavaScript sees it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LookupPageIntegrationTests {

    private static final String PAGE = "/campaigns/tsra/legislators";

    @Autowired
    MockMvc mvc;

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        String html = mvc.perform(request.header("Accept-Language", "en"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        return Jsoup.parse(html);
    }

    @Test
    void theFirstStepAsksForAZipWithALabelAndOffersTheTerritories() throws Exception {
        Document page = page(get(PAGE));

        assertThat(page.select("form[method=get] label[for=zip]").text()).isEqualTo("ZIP code");
        assertThat(page.select("input#zip").attr("autocomplete")).isEqualTo("postal-code");
        assertThat(page.select("select#territory option")).extracting(o -> o.attr("value"))
            .containsExactly("DC", "PR", "AS", "GU", "MP", "VI");
        assertThat(page.select(".error-summary")).isEmpty();
    }

    @Test
    void aSingleDistrictZipShowsTheMembersAndTheCampaignsActionsForThatDistrict() throws Exception {
        Document page = page(get(PAGE).param("zip", "94110"));

        assertThat(page.select(".legislators li h3")).extracting(e -> e.text())
            .containsExactly("Representative Nancy Pelosi", "Senator Alex Padilla", "Senator Adam B. Schiff");
        assertThat(page.select("a.button")).extracting(a -> a.attr("href"))
            .containsExactly("/campaigns/tsra/letter?zip=94110&district=CA-11",
                    "/campaigns/tsra/call?zip=94110&district=CA-11",
                    "/campaigns/tsra/meeting?zip=94110&district=CA-11");
        assertThat(page.select("form input[name=district]")).isEmpty();
    }

    @Test
    void aSplitZipAsksForTheDistrictWithTheMembersNamesOrAnAddress() throws Exception {
        Document page = page(get(PAGE).param("zip", "10001"));

        assertThat(page.select("h2").first().text())
            .isEqualTo("ZIP code 10001 is in more than one congressional district");
        assertThat(page.select("fieldset#district label")).extracting(e -> e.text())
            .containsExactly("NY-10: Daniel S. Goldman (D)", "NY-12: Jerrold Nadler (D)");
        assertThat(page.select("input[name=address]")).hasSize(1);
        assertThat(page.select("a.button")).isEmpty();

        Document settled = page(get(PAGE).param("zip", "10001").param("district", "NY-12"));
        assertThat(settled.select(".legislators li h3").first().text()).isEqualTo("Representative Jerrold Nadler");
        assertThat(settled.select("a.button").first().attr("href"))
            .isEqualTo("/campaigns/tsra/letter?zip=10001&district=NY-12");
    }

    @Test
    void whenTheGeocoderCannotBeReachedTheListIsOfferedWithAPlainNotice() throws Exception {
        Document page = page(get(PAGE).param("zip", "10001").param("address", "1 W 34th St"));

        assertThat(page.select(".notice").text()).contains("address service cannot be reached");
        assertThat(page.select("fieldset#district input[type=radio]")).hasSize(2);
    }

    @Test
    void dcAndTerritoriesShowTheDelegateAndSayThereAreNoSenators() throws Exception {
        Document dc = page(get(PAGE).param("zip", "20001"));
        assertThat(dc.select(".legislators li h3")).extracting(e -> e.text())
            .containsExactly("Delegate Eleanor Holmes Norton");
        assertThat(dc.select("p.notice").text()).contains("There are no senators for the District of Columbia");

        Document guam = page(get(PAGE).param("territory", "GU"));
        assertThat(guam.select(".legislators li h3")).extracting(e -> e.text())
            .containsExactly("Delegate James C. Moylan");
        assertThat(guam.select("p.notice").text()).contains("There are no senators for Guam");
        assertThat(guam.select("a.button").first().attr("href")).isEqualTo("/campaigns/tsra/letter?district=GU-0");
    }

    @Test
    void aVacantSeatSaysSoPlainly() throws Exception {
        Document page = page(get(PAGE).param("zip", "94541"));

        assertThat(page.select("p.notice").text())
            .startsWith("This seat is vacant: there is no Representative for CA-14");
        assertThat(page.select(".legislators li h3")).hasSize(2);
    }

    @Test
    void aMalformedOrUnknownZipGetsAnErrorSummaryLinkedToTheField() throws Exception {
        Document malformed = page(get(PAGE).param("zip", "9411"));
        assertThat(malformed.select(".error-summary a").attr("href")).isEqualTo("#zip");
        assertThat(malformed.select(".error-summary a").text())
            .isEqualTo("Enter a ZIP code of five digits, like 20002.");
        assertThat(malformed.select("#zip-error").text()).contains("Enter a ZIP code of five digits");
        assertThat(malformed.select("input#zip").attr("aria-invalid")).isEqualTo("true");
        assertThat(malformed.select("input#zip").attr("value")).isEqualTo("9411");

        Document unknown = page(get(PAGE).param("zip", "20500"));
        assertThat(unknown.select(".error-summary a").text())
            .startsWith("We have no congressional district for that ZIP code");
    }

    @Test
    void theStepIsInSpanishToo() throws Exception {
        String html = mvc.perform(get(PAGE).param("zip", "20001").param("lang", "es"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        Document page = Jsoup.parse(html);

        assertThat(page.select("h1").text()).isEqualTo("Encuentre a sus miembros del Congreso");
        assertThat(page.select("p.notice").text()).contains("No hay senadores para el Distrito de Columbia");
    }

    @Test
    void anUnknownCampaignIsNotFound() throws Exception {
        mvc.perform(get("/campaigns/no-such-campaign/legislators")).andExpect(status().isNotFound());
    }

}
