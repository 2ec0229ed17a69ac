package org.advocacy.site.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.advocacy.testsupport.SharedSmtp;
import org.advocacy.site.SiteIntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.icegreen.greenmail.util.GreenMailUtil;

class MeetingRequestIntegrationTests extends SiteIntegrationTest {

    @RegisterExtension
    static final SharedSmtp greenMail = new SharedSmtp();

    private static final String MEETING = "/campaigns/tsra/meeting?zip=05301&district=VT-0";

    @Test
    void officesAreListedNearestFirstWithTheMeetingLetterReadyToCopy() throws Exception {
        MockHttpSession session = supporterSession("Mina Meet", uniqueEmail("offices"));
        Document page = page(session, MEETING);
        // The supporter is in Brattleboro (05301): Rep. Balint's Brattleboro office is in
        // their ZIP.
        var balint = page.getElementById("meeting-B001318").parent();
        assertThat(balint.select("ol li strong").eachText()).containsExactly("Brattleboro", "Burlington");
        assertThat(balint.select("ol li").first().text()).contains("In your ZIP code");
        assertThat(balint.select("ol li").get(1).text()).contains("In your district").contains("miles away");
        assertThat(page.getElementById("meeting-letter-B001318").text()).startsWith("Dear Rep. Balint,")
            .contains("Mina Meet");
        assertThat(page.text()).contains("Distances are approximate");
    }

    @Test
    void aRequestIsStoredForStaffAndConfirmedByEmailWithOneClickUnsubscribe() throws Exception {
        String email = uniqueEmail("meeting");
        MockHttpSession session = supporterSession("Mina Meet", email);
        Document page = page(session, MEETING);
        mvc.perform(request(session, page,
                Map.of("bioguideId", "S000033", "officeId", "S000033-burlington", "preferredDates",
                        "Weekday mornings in March", "topic", "Funding legal aid under the new law", "organisation",
                        "Vermont Survivors Network", "phone", "802-555-0199")))
            .andExpect(redirectedUrl("/campaigns/tsra/meeting/requested"));

        assertThat(jdbc.queryForMap(
                "select bioguide_id, office_id, name, email, phone, preferred_dates, organisation, topic, status"
                        + " from meeting_request where email = ?",
                email))
            .containsEntry("bioguide_id", "S000033")
            .containsEntry("office_id", "S000033-burlington")
            .containsEntry("name", "Mina Meet")
            .containsEntry("phone", "802-555-0199")
            .containsEntry("preferred_dates", "Weekday mornings in March")
            .containsEntry("organisation", "Vermont Survivors Network")
            .containsEntry("status", "REQUESTED");
        assertThat(
                count("select count(*) from supporter_action where supporter_id = ? and action_type = 'MEETING_REQUEST'"
                        + " and outcome = 'REQUESTED'", supporterId(email)))
            .isEqualTo(1);

        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage mail = greenMail.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("Your request to meet Sen. Bernard Sanders");
        assertThat(mail.getMessageID()).endsWith("@advocacy.localhost>");
        assertThat(GreenMailUtil.getBody(mail)).contains("Weekday mornings in March");
        assertThat(mail.getHeader("List-Unsubscribe")[0]).startsWith("<http://localhost/unsubscribe/");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
    }

    @Test
    void aDoubleSubmittedRequestIsStoredOnce() throws Exception {
        String email = uniqueEmail("meetingtwice");
        MockHttpSession session = supporterSession("Twice", email);
        Document page = page(session, MEETING);
        Map<String, String> values = Map.of("bioguideId", "B001318", "preferredDates", "Any Friday", "topic",
                "Implementation");
        mvc.perform(request(session, page, values)).andExpect(status().isFound());
        mvc.perform(request(session, page, values)).andExpect(status().isFound());
        assertThat(count("select count(*) from meeting_request where email = ?", email)).isEqualTo(1);
    }

    @Test
    void missingDatesAndTopicAreExplainedAndNothingIsStored() throws Exception {
        String email = uniqueEmail("meetinginvalid");
        MockHttpSession session = supporterSession("Invalid", email);
        Document page = page(session, MEETING);
        String html = mvc
            .perform(request(session, page,
                    Map.of("bioguideId", "B001318", "officeId", "S000033-burlington", "phone", "call me maybe")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(Jsoup.parse(html).select(".error-summary a").eachAttr("href")).containsExactly("#officeId", "#phone",
                "#preferredDates", "#topic");
        assertThat(count("select count(*) from meeting_request where email = ?", email)).isZero();
        assertThat(count("select count(*) from supporter_action where supporter_id = ?", supporterId(email))).isZero();
    }

    @Test
    void eachFieldGetsItsFirstProblemInFieldOrderAndSpacesAroundAValueDoNotCount() throws Exception {
        String email = uniqueEmail("meetingrules");
        MockHttpSession session = supporterSession("Rules", email);
        Document page = page(session, MEETING);
        String html = mvc
            .perform(post("/campaigns/tsra/meeting").session(session)
                .with(csrf())
                .param("formToken", page.select("input[name=formToken]").val())
                .param("zip", page.select("input[name=zip]").val())
                .param("district", page.select("input[name=district]").val())
                .param("bioguideId", "B001318")
                .param("name", "  " + "N".repeat(120) + "  ")
                .param("email", "a".repeat(250) + "@example.org")
                .param("preferredDates", "Any Monday")
                .param("organisation", "O".repeat(201))
                .param("topic", "   "))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        Document answer = Jsoup.parse(html);
        assertThat(answer.select(".error-summary a").eachAttr("href")).containsExactly("#email", "#organisation",
                "#topic");
        assertThat(answer.select(".error-summary a").eachText()).containsExactly("Please use at most 254 characters.",
                "Please use at most 200 characters.", "Tell us what you would like to talk about.");
        assertThat(count("select count(*) from meeting_request where email = ?", email)).isZero();
        assertThat(count("select count(*) from supporter_action where supporter_id = ?", supporterId(email))).isZero();
    }

    private static MockHttpServletRequestBuilder request(MockHttpSession session, Document page,
            Map<String, String> values) {
        MockHttpServletRequestBuilder request = post("/campaigns/tsra/meeting").session(session)
            .with(csrf())
            .param("formToken", page.select("input[name=formToken]").val())
            .param("zip", page.select("input[name=zip]").val())
            .param("district", page.select("input[name=district]").val())
            .param("name", page.getElementById("name").val())
            .param("email", page.getElementById("email").val());
        values.forEach(request::param);
        return request;
    }

}
