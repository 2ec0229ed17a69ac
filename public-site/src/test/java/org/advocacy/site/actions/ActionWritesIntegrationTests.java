package org.advocacy.site.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.advocacy.site.SiteIntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Viewing an action page changes nothing, and every action post keeps one order: the bot
 * check, then validation, then one write; a refused post writes nothing, not even the
 * supporter's seat.
 */
class ActionWritesIntegrationTests extends SiteIntegrationTest {

    private static final String ROW = "select name, zip, state, district, updated_at from supporter where id = ?";

    private static final String SEAT = "?zip=05401&district=VT-0";

    @Test
    void viewingEachActionPageLeavesTheSupporterRowUnchanged() throws Exception {
        String email = uniqueEmail("viewer");
        MockHttpSession session = supporterSession("Vera Viewer", email);
        long supporter = supporterId(email);
        Map<String, Object> before = jdbc.queryForMap(ROW, supporter);
        for (String action : new String[] { "letter", "call", "meeting" }) {
            page(session, "/campaigns/tsra/" + action + SEAT);
            assertThat(jdbc.queryForMap(ROW, supporter)).as(action).isEqualTo(before);
        }
        assertThat(count("select count(*) from supporter_action where supporter_id = ?", supporter)).isZero();
        assertThat(count("select count(*) from meeting_request where supporter_id = ?", supporter)).isZero();
        assertThat(count("select count(*) from cwc_delivery where supporter_id = ?", supporter)).isZero();
    }

    @Test
    void aBotOrInvalidPostOfAnyActionWritesNothing() throws Exception {
        String email = uniqueEmail("refused");
        MockHttpSession session = supporterSession("Rita Refused", email);
        long supporter = supporterId(email);
        Map<String, Object> before = jdbc.queryForMap(ROW, supporter);

        // Posted straight away, without viewing the action pages first (the form token
        // comes from another
        // form), so nothing this visit did before could have stored the seat already.
        Document form = page(session, "/supporter?next=/");
        mvc.perform(letter(session, form, "Dear Senator").param("website", "spam"))
            .andExpect(redirectedUrl("/campaigns/tsra/thanks"));
        mvc.perform(letter(session, form, "   ")).andExpect(status().isOk());
        mvc.perform(call(session, form, "TALKED_TO_STAFF").param("website", "spam"))
            .andExpect(redirectedUrl("/campaigns/tsra/thanks"));
        mvc.perform(call(session, form, "NOT_AN_OUTCOME")).andExpect(status().isOk());
        mvc.perform(meeting(session, form, "Funding").param("website", "spam"))
            .andExpect(redirectedUrl("/campaigns/tsra/thanks"));
        mvc.perform(meeting(session, form, "")).andExpect(status().isOk());

        assertThat(jdbc.queryForMap(ROW, supporter)).isEqualTo(before);
        assertThat(count("select count(*) from supporter_action where supporter_id = ?", supporter)).isZero();
        assertThat(count("select count(*) from meeting_request where supporter_id = ?", supporter)).isZero();
        assertThat(count("select count(*) from cwc_delivery where supporter_id = ?", supporter)).isZero();

        // The same posts, accepted, store the action together with the seat it was taken
        // from.
        mvc.perform(call(session, form, "TALKED_TO_STAFF")).andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select state || '-' || district from supporter where id = ?", String.class,
                supporter))
            .isEqualTo("VT-0");
        assertThat(count("select count(*) from supporter_action where supporter_id = ?", supporter)).isEqualTo(1);
    }

    private static MockHttpServletRequestBuilder letter(MockHttpSession session, Document page, String body) {
        return post("/campaigns/tsra/letter").session(session)
            .with(csrf())
            .param("formToken", page.select("input[name=formToken]").val())
            .param("zip", ZIP)
            .param("district", DISTRICT)
            .param("targets", "W000800")
            .param("subject", "Fund it")
            .param("bodies[W000800]", body)
            .param("delivery", "COPIED");
    }

    private static MockHttpServletRequestBuilder call(MockHttpSession session, Document page, String outcome) {
        return post("/campaigns/tsra/call").session(session)
            .with(csrf())
            .param("formToken", page.select("input[name=formToken]").val())
            .param("zip", ZIP)
            .param("district", DISTRICT)
            .param("step", "0")
            .param("bioguideId", "B001318")
            .param("outcome", outcome);
    }

    private static MockHttpServletRequestBuilder meeting(MockHttpSession session, Document page, String topic) {
        return post("/campaigns/tsra/meeting").session(session)
            .with(csrf())
            .param("formToken", page.select("input[name=formToken]").val())
            .param("zip", ZIP)
            .param("district", DISTRICT)
            .param("bioguideId", "B001318")
            .param("name", "Rita Refused")
            .param("email", "rita@example.org")
            .param("preferredDates", "Any Monday")
            .param("topic", topic);
    }

}
