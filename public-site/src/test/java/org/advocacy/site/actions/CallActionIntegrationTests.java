package org.advocacy.site.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.advocacy.site.SiteIntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class CallActionIntegrationTests extends SiteIntegrationTest {

    private static final String CALL = "/campaigns/tsra/call?zip=05401&district=VT-0";

    @Test
    void theSupporterCallsEachLegislatorInTurnAndEachOutcomeIsRecorded() throws Exception {
        String email = uniqueEmail("caller");
        MockHttpSession session = supporterSession("Chris Caller", email);

        Document first = page(session, CALL);
        assertThat(first.select("h1").text()).isEqualTo("Call Rep. Becca Balint");
        assertThat(first.select(".card.letter-text").text()).contains("Chris Caller")
            .contains("05401")
            .contains("Public Law 119-73")
            .contains("Rep. Balint");
        assertThat(first.select("a[href^=tel:]").eachAttr("href")).contains("tel:+12022254115", "tel:+18026522450");
        assertThat(first.text()).contains("Hours: By Appointment Only");
        mvc.perform(outcome(session, first, "TALKED_TO_STAFF"))
            .andExpect(redirectedUrl("/campaigns/tsra/call?zip=05401&district=VT-0&step=1&recorded=B001318"));

        Document second = page(session, CALL + "&step=1&recorded=B001318");
        assertThat(second.select("h1").text()).isEqualTo("Call Sen. Bernard Sanders");
        assertThat(second.select(".notice[role=status]").text()).contains("Rep. Becca Balint");
        assertThat(page(session, CALL + "&step=1&recorded=NOT-A-TARGET").select(".notice[role=status]"))
            .as("only the campaign's targets are named")
            .isEmpty();
        mvc.perform(outcome(session, second, "VOICEMAIL")).andExpect(status().isFound());
        Document third = page(session, CALL + "&step=2");
        mvc.perform(outcome(session, third, "SKIPPED")).andExpect(status().isFound());
        Document done = page(session, CALL + "&step=3");
        assertThat(done.select("h1").text()).isEqualTo("Thank you for calling");

        assertThat(jdbc.queryForList(
                "select bioguide_id || ':' || outcome || ':' || delivery_method from supporter_action"
                        + " where supporter_id = ? and action_type = 'CALL' order by id",
                String.class, supporterId(email)))
            .containsExactly("B001318:TALKED_TO_STAFF:PHONE", "S000033:VOICEMAIL:PHONE", "W000800:SKIPPED:PHONE");
    }

    @Test
    void aReloadedOutcomeIsRecordedOnce() throws Exception {
        String email = uniqueEmail("reload");
        MockHttpSession session = supporterSession("Reload Caller", email);
        Document first = page(session, CALL);
        mvc.perform(outcome(session, first, "BUSY")).andExpect(status().isFound());
        mvc.perform(outcome(session, first, "BUSY")).andExpect(status().isFound());
        assertThat(count("select count(*) from supporter_action where supporter_id = ?", supporterId(email)))
            .isEqualTo(1);
    }

    @Test
    void anOutcomeMustBeChosen() throws Exception {
        String email = uniqueEmail("nooutcome");
        MockHttpSession session = supporterSession("No Outcome", email);
        Document first = page(session, CALL);
        String html = mvc.perform(outcome(session, first, ""))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(Jsoup.parse(html).select(".error-summary a[href=#outcome-TALKED_TO_STAFF]").text())
            .isEqualTo("Choose how the call went.");
        assertThat(count("select count(*) from supporter_action where supporter_id = ?", supporterId(email))).isZero();
    }

    private static MockHttpServletRequestBuilder outcome(MockHttpSession session, Document page, String outcome) {
        return post("/campaigns/tsra/call").session(session)
            .with(csrf())
            .param("formToken", page.select("input[name=formToken]").val())
            .param("zip", page.select("input[name=zip]").val())
            .param("district", page.select("input[name=district]").val())
            .param("step", page.select("input[name=step]").val())
            .param("bioguideId", page.select("input[name=bioguideId]").val())
            .param("outcome", outcome);
    }

}
