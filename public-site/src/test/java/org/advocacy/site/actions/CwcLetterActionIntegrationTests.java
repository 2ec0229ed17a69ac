package org.advocacy.site.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.util.List;

import org.advocacy.cwc.CwcSender;
import org.advocacy.site.SiteIntegrationTest;
import org.advocacy.testsupport.cwc.CwcTestServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The letter action with CWC configured: Vermont's representative (HVT00) and Senator
 * Sanders (SVT01) take it.
 */
@TestPropertySource(properties = { "advocacy.cwc.house.api-key=house-key", "advocacy.cwc.senate.api-key=senate-key",
        "advocacy.cwc.agent.name=Survivor Justice Network", "advocacy.cwc.agent.ack-email=acks@sjn.example",
        "advocacy.cwc.agent.contact-name=Dana Ortiz", "advocacy.cwc.agent.contact-email=dana@sjn.example",
        "advocacy.cwc.agent.contact-phone=802-555-0142" })
class CwcLetterActionIntegrationTests extends SiteIntegrationTest {

    private static final String LETTER = "/campaigns/tsra/letter?zip=05401&district=VT-0";
    static final CwcTestServer HOUSE = CwcTestServer.start("house-key", 'H');
    static final CwcTestServer SENATE = CwcTestServer.start("senate-key", 'S');

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("advocacy.cwc.house.base-url", HOUSE::baseUrl);
        registry.add("advocacy.cwc.senate.base-url", SENATE::baseUrl);
    }

    @AfterAll
    static void stop() throws IOException {
        HOUSE.close();
        SENATE.close();
    }

    @Autowired
    CwcSender sender;

    @BeforeEach
    void emptyOutbox() {
        jdbc.update("delete from cwc_delivery");
        HOUSE.reset();
        SENATE.reset();
    }

    @Test
    void theFormAsksForAnAddressOnlyForTheOfficesThatTakeDirectDelivery() throws Exception {
        Document form = page(supporterSession("Rosa Alvarez", uniqueEmail("form")), LETTER);

        assertThat(form.select("#cwc li").eachText()).containsExactly("Rep. Becca Balint", "Sen. Bernard Sanders");
        assertThat(form.select("#cwcPrefix option").eachAttr("value")).contains("Ms.", "Dr.", "Reverend");
        assertThat(form.getElementById("cwcZip").val()).isEqualTo("05401");
        assertThat(form.select("#cwc").text()).contains("leave these fields blank").contains("30 days at most");
    }

    @Test
    void withAnAddressTheLettersAreQueuedDeliveredOnceAndTheConfirmationSaysSoPerMember() throws Exception {
        String email = uniqueEmail("cwc");
        MockHttpSession session = supporterSession("Rosa Alvarez", email);
        Document form = page(session, LETTER);
        String edited = "Dear Rep. Balint, I am a survivor and I ask you to fund the new procedure.";

        String ready = mvc
            .perform(submit(session, form, edited).param("cwcPrefix", "Ms.")
                .param("cwcFirstName", " Rosa ")
                .param("cwcLastName", "Alvarez")
                .param("cwcAddress1", "12 Church Street")
                .param("cwcAddress2", "")
                .param("cwcCity", "Burlington")
                .param("cwcZip", "05401"))
            .andExpect(status().isFound())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();

        long supporter = supporterId(email);
        assertThat(jdbc.queryForList("select bioguide_id || ':' || delivery_method from supporter_action "
                + "where supporter_id = ? order by bioguide_id", String.class, supporter))
            .containsExactly("B001318:CWC", "S000033:CWC", "W000800:MAILTO");
        assertThat(jdbc.queryForList("select member_office || ':' || status from cwc_delivery where supporter_id = ? "
                + "order by member_office", String.class, supporter))
            .containsExactly("HVT00:PENDING", "SVT01:PENDING");

        Document queued = page(session, ready);
        assertThat(states(queued)).containsExactly("Queued: we are delivering your letter to their office.",
                "Queued: we are delivering your letter to their office.",
                "This office does not accept direct delivery: finish on their website.");
        assertThat(queued.select("a[href^=mailto:]")).as("only the letter the supporter sends themselves").hasSize(1);

        assertThat(sender.drain().delivered()).isEqualTo(2);

        assertThat(states(page(session, ready))).containsExactly("Delivered to their office.",
                "Delivered to their office.", "This office does not accept direct delivery: finish on their website.");
        assertThat(HOUSE.accepted()).singleElement()
            .satisfies(xml -> assertThat(xml).contains("<MemberOffice>HVT00</MemberOffice>")
                .contains("<Prefix>Ms.</Prefix><FirstName>Rosa</FirstName><LastName>Alvarez</LastName>"
                        + "<Address1>12 Church Street</Address1><City>Burlington</City>"
                        + "<StateAbbreviation>VT</StateAbbreviation><Zip>05401</Zip><Email>" + email + "</Email>")
                .contains("<ConstituentMessage>" + edited + "</ConstituentMessage>")
                .doesNotContain("OrganizationStatement")
                .doesNotContain("Address2"));
        assertThat(SENATE.accepted()).singleElement()
            .satisfies(xml -> assertThat(xml).contains("<MemberOffice>SVT01</MemberOffice>")
                .contains("<OrganizationStatement>Dear Sen. Sanders,")
                .doesNotContain("ConstituentMessage"));
        assertThat(
                count("select count(*) from cwc_delivery where supporter_id = ? and address1 is not null", supporter))
            .isZero();
    }

    @Test
    void aSupporterWhoLeavesTheAddressBlankSendsEveryLetterAsBeforeAndIsNotAskedAgain() throws Exception {
        String email = uniqueEmail("declined");
        MockHttpSession session = supporterSession("Sam Poe", email);
        Document form = page(session, LETTER);

        String ready = mvc.perform(submit(session, form, null).param("cwcZip", "05401"))
            .andExpect(status().isFound())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();

        assertThat(jdbc.queryForList("select delivery_method from supporter_action where supporter_id = ?",
                String.class, supporterId(email)))
            .hasSize(3)
            .containsOnly("MAILTO");
        assertThat(count("select count(*) from cwc_delivery")).isZero();
        Document readyPage = page(session, ready);
        assertThat(readyPage.select("a[href^=mailto:]")).hasSize(3);
        assertThat(states(readyPage)).hasSize(3)
            .containsOnly("This office does not accept direct delivery: finish on their website.");
    }

    @Test
    void aHalfFilledAddressIsRefusedFieldByFieldAndNothingIsWritten() throws Exception {
        String email = uniqueEmail("half");
        MockHttpSession session = supporterSession("Half Filled", email);
        Document form = page(session, LETTER);

        String html = mvc
            .perform(submit(session, form, null).param("cwcPrefix", "Mx.")
                .param("cwcFirstName", "Half")
                .param("cwcZip", "0540"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        Document page = Jsoup.parse(html);
        assertThat(page.select(".error-summary a").eachText()).contains("Choose a title from the list.",
                "Enter your last name, or leave every address field blank.",
                "Enter your street address, or leave every address field blank.",
                "Enter your city or town, or leave every address field blank.", "Enter your 5-digit ZIP code.");
        assertThat(page.getElementById("cwcFirstName").val()).isEqualTo("Half");
        assertThat(count("select count(*) from supporter_action where supporter_id = ?", supporterId(email))).isZero();
        assertThat(count("select count(*) from cwc_delivery")).isZero();
    }

    @Test
    void anAddressOutsideTheDistrictIsRefused() throws Exception {
        String email = uniqueEmail("outside");
        MockHttpSession session = supporterSession("Out Side", email);
        Document form = page(session, LETTER);

        String html = mvc
            .perform(submit(session, form, null).param("cwcPrefix", "Mr.")
                .param("cwcFirstName", "Out")
                .param("cwcLastName", "Side")
                .param("cwcAddress1", "107 North Main Street")
                .param("cwcCity", "Concord")
                .param("cwcZip", "03301"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(Jsoup.parse(html).select(".error-summary a[href=#cwcAddress1]").text())
            .startsWith("This address is not in the district we found for you.");
        assertThat(count("select count(*) from supporter_action where supporter_id = ?", supporterId(email))).isZero();
        assertThat(count("select count(*) from cwc_delivery")).isZero();
    }

    @Test
    void theConfirmationIsInSpanishForASpanishSpeaker() throws Exception {
        MockHttpSession session = supporterSession("Ana Ruiz", uniqueEmail("es"));
        Document form = page(session, LETTER);
        String ready = mvc
            .perform(submit(session, form, null).param("cwcPrefix", "Ms.")
                .param("cwcFirstName", "Ana")
                .param("cwcLastName", "Ruiz")
                .param("cwcAddress1", "1 Main Street")
                .param("cwcCity", "Burlington")
                .param("cwcZip", "05401"))
            .andExpect(status().isFound())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();

        String html = mvc.perform(get(ready).session(session).header("Accept-Language", "es"))
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(states(Jsoup.parse(html))).contains("En cola: estamos entregando su carta en su oficina.",
                "Esta oficina no acepta la entrega directa: termine en su sitio web.");
    }

    private static List<String> states(Document page) {
        return page.select(".delivery-state").eachText();
    }

    /**
     * The form as rendered, to all three members; Balint's letter replaced when
     * {@code balint} is given.
     */
    private static MockHttpServletRequestBuilder submit(MockHttpSession session, Document form, String balint) {
        MockHttpServletRequestBuilder request = post("/campaigns/tsra/letter").session(session)
            .with(csrf())
            .param("formToken", form.select("input[name=formToken]").val())
            .param("zip", ZIP)
            .param("district", DISTRICT)
            .param("subject", form.getElementById("subject").val())
            .param("delivery", "MAILTO");
        for (String id : List.of("B001318", "S000033", "W000800")) {
            request.param("targets", id)
                .param("bodies[" + id + "]",
                        id.equals("B001318") && balint != null ? balint : form.getElementById("body-" + id).text());
        }
        return request;
    }

}
