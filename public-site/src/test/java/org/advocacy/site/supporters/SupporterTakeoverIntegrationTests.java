package org.advocacy.site.supporters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.advocacy.testsupport.SharedSmtp;
import org.advocacy.site.SiteIntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mock.web.MockHttpSession;

import com.icegreen.greenmail.util.GreenMailUtil;

/**
 * Knowing a supporter's email address proves nothing: a visit that gives it changes
 * nothing of theirs, takes no action in their name and gets nothing it wrote emailed to
 * them, until the owner of the address confirms the visit through the link sent to them.
 */
class SupporterTakeoverIntegrationTests extends SiteIntegrationTest {

    @RegisterExtension
    static final SharedSmtp greenMail = new SharedSmtp();

    private static final Pattern VISIT_LINK = Pattern.compile("http://localhost(/supporter/confirm/[A-Za-z0-9_-]{43})");

    private static final String OWNER_ROW = "select name, zip, state, district, email_consent, consent_requested_at,"
            + " consent_confirmed_at, unsubscribed_at, confirmation_token, unsubscribe_token, updated_at"
            + " from supporter where id = ?";

    private static final String ATTACKER_NAME = "Mallory Takeover";

    private static final String ATTACKER_TOPIC = "Wire the campaign funds to account 1234";

    private final List<String> emails = new ArrayList<>();

    /**
     * A fresh address, whose supporters are removed after the test: they are confirmed
     * subscribers in Vermont, which later tests count as an audience.
     */
    private String tracked(String who) {
        String email = uniqueEmail(who);
        emails.add(email);
        return email;
    }

    @AfterEach
    void removeTheTestsSupporters() {
        emails.forEach(email -> jdbc.update("delete from supporter where lower(email) = lower(?)", email));
    }

    @Test
    void aVisitGivingAKnownEmailChangesNothingOfTheirsAndOnlyTheOwnersConfirmationMergesIt() throws Exception {
        String email = tracked("owner");
        long owner = unsubscribedOwnerWithASeat(email);
        Map<String, Object> before = jdbc.queryForMap(OWNER_ROW, owner);
        greenMail.purgeEmailFromAllMailboxes();

        // A fresh session gives the owner's address (differently cased), another name and
        // ZIP, and asks for updates.
        MockHttpSession attacker = new MockHttpSession();
        Document form = page(attacker, "/supporter?next=/");
        mvc.perform(post("/supporter").session(attacker)
            .with(csrf())
            .param("name", ATTACKER_NAME)
            .param("email", email.toUpperCase())
            .param("zip", "05301")
            .param("updates", "true")
            .param("next", "/")
            .param("formToken", form.select("input[name=formToken]").val())).andExpect(status().isFound());
        // It then calls and asks for a meeting.
        Document call = page(attacker, "/campaigns/tsra/call?zip=05301&district=VT-0");
        mvc.perform(post("/campaigns/tsra/call").session(attacker)
            .with(csrf())
            .param("formToken", call.select("input[name=formToken]").val())
            .param("zip", "05301")
            .param("district", DISTRICT)
            .param("step", "0")
            .param("bioguideId", "B001318")
            .param("outcome", "TALKED_TO_STAFF")).andExpect(status().isFound());
        Document meeting = page(attacker, "/campaigns/tsra/meeting?zip=05301&district=VT-0");
        mvc.perform(post("/campaigns/tsra/meeting").session(attacker)
            .with(csrf())
            .param("formToken", meeting.select("input[name=formToken]").val())
            .param("zip", "05301")
            .param("district", DISTRICT)
            .param("bioguideId", "B001318")
            .param("name", ATTACKER_NAME)
            .param("email", email)
            .param("preferredDates", "Click http://evil.example/now")
            .param("topic", ATTACKER_TOPIC)).andExpect(status().isFound());

        assertThat(jdbc.queryForMap(OWNER_ROW, owner)).as("the owner's record, consent included").isEqualTo(before);
        assertThat(count("select count(*) from supporter_action where supporter_id = ?", owner)).isZero();
        assertThat(count("select count(*) from meeting_request where supporter_id = ?", owner)).isZero();
        long visit = jdbc.queryForObject("select id from supporter where claims_supporter_id = ?", Long.class, owner);
        assertThat(count("select count(*) from supporter_action where supporter_id = ?", visit))
            .as("the visit's own actions are kept, under its own record")
            .isEqualTo(2);

        // The only email to the address is the request to confirm, and it carries nothing
        // the visitor wrote.
        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage[] mails = greenMail.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualToIgnoringCase(email);
        assertThat(mails[0].getSubject()).isEqualTo("Was it you? Please confirm");
        String text = body(mails[0]);
        assertThat(text).doesNotContain(ATTACKER_NAME)
            .doesNotContain(ATTACKER_TOPIC)
            .doesNotContain("evil.example")
            .doesNotContain("05301");
        Matcher link = VISIT_LINK.matcher(text);
        assertThat(link.find()).as(text).isTrue();

        // Mail scanners follow the link: the page asks, and nothing changes.
        MockHttpSession ownersBrowser = new MockHttpSession();
        Document ask = page(ownersBrowser, link.group(1));
        assertThat(ask.select("h1").text()).isEqualTo("Was this you?");
        assertThat(ask.select("dd").eachText()).containsExactly(ATTACKER_NAME, "05301", "Yes");
        mvc.perform(head(link.group(1)).session(ownersBrowser)).andExpect(status().isOk());
        mvc.perform(post(link.group(1)).session(ownersBrowser)).andExpect(status().isForbidden());
        assertThat(jdbc.queryForMap(OWNER_ROW, owner)).isEqualTo(before);

        // The owner presses the button: the visit's details, wish for updates and actions
        // become theirs.
        mvc.perform(post(link.group(1)).session(ownersBrowser).with(csrf())).andExpect(status().isOk());
        Map<String, Object> after = jdbc.queryForMap(OWNER_ROW, owner);
        assertThat(after).containsEntry("name", ATTACKER_NAME)
            .containsEntry("zip", "05301")
            .containsEntry("state", "VT")
            .containsEntry("district", 0)
            .containsEntry("email_consent", true)
            .containsEntry("unsubscribed_at", null)
            .containsEntry("unsubscribe_token", before.get("unsubscribe_token"));
        assertThat(count("select count(*) from supporter_action where supporter_id = ?", owner)).isEqualTo(2);
        assertThat(count("select count(*) from meeting_request where supporter_id = ?", owner)).isEqualTo(1);
        assertThat(count("select count(*) from supporter where id = ?", visit)).as("the visit's row is gone").isZero();

        // The link works once.
        mvc.perform(post(link.group(1)).session(ownersBrowser).with(csrf())).andExpect(status().isOk());
        assertThat(page(new MockHttpSession(), link.group(1)).select("h1").text())
            .isEqualTo("This link does not work any more");
    }

    @Test
    void aSecondPostInTheSameVisitReusesItsOwnRecordAndTheOwnersStaysUntouched() throws Exception {
        String email = tracked("repeat");
        long owner = unsubscribedOwnerWithASeat(email);
        Map<String, Object> before = jdbc.queryForMap(OWNER_ROW, owner);
        MockHttpSession attacker = supporterSession("First Try", email);
        supporterSessionPost(attacker, "Second Try", email);
        assertThat(jdbc.queryForMap(OWNER_ROW, owner)).isEqualTo(before);
        assertThat(jdbc.queryForList("select name from supporter where claims_supporter_id = ?", String.class, owner))
            .containsExactly("Second Try");
    }

    @Test
    void theVisitThatCreatedARecordMayCorrectItUntilSomeoneConfirmsTheAddress() throws Exception {
        String email = tracked("creator");
        MockHttpSession creator = supporterSession("Tpyo Name", email);
        supporterSessionPost(creator, "Typo Name", email);
        assertThat(jdbc.queryForObject("select name from supporter where email = ?", String.class, email))
            .isEqualTo("Typo Name");
        assertThat(count("select count(*) from supporter where lower(email) = lower(?)", email)).isEqualTo(1);

        jdbc.update("update supporter set email_confirmed_at = now() where email = ?", email);
        supporterSessionPost(creator, "Changed Again", email);
        assertThat(jdbc.queryForObject("select name from supporter where email = ? and claims_supporter_id is null",
                String.class, email))
            .isEqualTo("Typo Name");
    }

    @Test
    void confirmedFromTheVisitsOwnBrowserTheRestOfTheVisitIsTheOwnersAndElsewhereNoOnes() throws Exception {
        String email = tracked("samebrowser");
        long owner = unsubscribedOwnerWithASeat(email);
        greenMail.purgeEmailFromAllMailboxes();
        MockHttpSession phone = supporterSession("Olive On Her Phone", email);
        MockHttpSession other = supporterSession("Olive Elsewhere", email);
        assertThat(greenMail.waitForIncomingEmail(5000, 2)).isTrue();
        String link = null;
        for (MimeMessage mail : greenMail.getReceivedMessages()) { // which link is the
                                                                   // phone's: its page
                                                                   // says
            Matcher found = VISIT_LINK.matcher(body(mail));
            assertThat(found.find()).isTrue();
            if (page(new MockHttpSession(), found.group(1)).select("dd").first().text().equals("Olive On Her Phone")) {
                link = found.group(1);
            }
        }
        assertThat(link).isNotNull();

        mvc.perform(post(link).session(phone).with(csrf())).andExpect(status().isOk());
        assertThat(callFrom(phone)).isEqualTo(1);
        assertThat(count("select count(*) from supporter_action where supporter_id = ?", owner)).isEqualTo(1);

        // The other visit was not confirmed: it still acts under its own record.
        long otherVisit = jdbc.queryForObject("select id from supporter where claims_supporter_id = ?", Long.class,
                owner);
        assertThat(callFrom(other)).isEqualTo(1);
        assertThat(count("select count(*) from supporter_action where supporter_id = ?", otherVisit)).isEqualTo(1);
        assertThat(count("select count(*) from supporter_action where supporter_id = ?", owner)).isEqualTo(1);
    }

    /**
     * Records a call from the visit, returning how many actions its form token recorded.
     */
    private int callFrom(MockHttpSession session) throws Exception {
        Document call = page(session, "/campaigns/tsra/call?zip=05401&district=VT-0");
        String token = call.select("input[name=formToken]").val();
        mvc.perform(post("/campaigns/tsra/call").session(session)
            .with(csrf())
            .param("formToken", token)
            .param("zip", ZIP)
            .param("district", DISTRICT)
            .param("step", "0")
            .param("bioguideId", "B001318")
            .param("outcome", "VOICEMAIL")).andExpect(status().isFound());
        return count("select count(*) from supporter_action where idempotency_key like ?", "call:" + token + ":%");
    }

    @Test
    void anExpiredLinkMergesNothing() throws Exception {
        String email = tracked("expired");
        long owner = unsubscribedOwnerWithASeat(email);
        Map<String, Object> before = jdbc.queryForMap(OWNER_ROW, owner);
        greenMail.purgeEmailFromAllMailboxes();
        supporterSession(ATTACKER_NAME, email);
        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        Matcher link = VISIT_LINK.matcher(body(greenMail.getReceivedMessages()[0]));
        assertThat(link.find()).isTrue();
        assertThat(greenMail.getReceivedMessages()[0].getMessageID()).endsWith("@advocacy.localhost>");
        jdbc.update("update supporter set claim_expires_at = now() - interval '1 minute' where claims_supporter_id = ?",
                owner);

        assertThat(page(new MockHttpSession(), link.group(1)).select("h1").text())
            .isEqualTo("This link does not work any more");
        mvc.perform(post(link.group(1)).with(csrf())).andExpect(status().isOk());
        assertThat(jdbc.queryForMap(OWNER_ROW, owner)).isEqualTo(before);
    }

    @Test
    void anUnknownLinkMergesNothing() throws Exception {
        mvc.perform(post("/supporter/confirm/" + "A".repeat(43)).with(csrf())).andExpect(status().isOk());
        assertThat(page(new MockHttpSession(), "/supporter/confirm/unknown").select("h1").text())
            .isEqualTo("This link does not work any more");
    }

    /** A supporter who confirmed, then unsubscribed, and whose seat is known. */
    private long unsubscribedOwnerWithASeat(String email) throws Exception {
        supporterSession("Olive Owner", email);
        long owner = supporterId(email);
        jdbc.update("update supporter set state = 'VT', district = 0, email_consent = false,"
                + " consent_requested_at = now() - interval '30 days', consent_confirmed_at = now() - interval '30 days',"
                + " email_confirmed_at = now() - interval '30 days', unsubscribed_at = now() - interval '1 day',"
                + " updated_at = now() - interval '1 day' where id = ?", owner);
        return owner;
    }

    private void supporterSessionPost(MockHttpSession session, String name, String email) throws Exception {
        Document form = page(session, "/supporter?next=/");
        mvc.perform(post("/supporter").session(session)
            .with(csrf())
            .param("name", name)
            .param("email", email)
            .param("zip", ZIP)
            .param("next", "/")
            .param("formToken", form.select("input[name=formToken]").val())).andExpect(status().isFound());
    }

    private static String body(MimeMessage mail) {
        return GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "=");
    }

}
