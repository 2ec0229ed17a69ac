package org.advocacy.site.supporters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.advocacy.testsupport.SharedSmtp;
import org.advocacy.site.SiteIntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.web.MockHttpSession;

import com.icegreen.greenmail.util.GreenMailUtil;

class SupporterSignUpIntegrationTests extends SiteIntegrationTest {

    @RegisterExtension
    static final SharedSmtp greenMail = new SharedSmtp();

    private static final Pattern CONFIRM_LINK = Pattern
        .compile("http://localhost(/subscribe/confirm/[A-Za-z0-9_-]{43})");

    private static final Pattern UNSUBSCRIBE_LINK = Pattern.compile("http://localhost(/unsubscribe/[A-Za-z0-9_-]{43})");

    @Autowired
    JavaMailSenderImpl mailSender;

    /**
     * A mail server that refuses the connection (a real one: a port nothing listens on)
     * loses the confirmation email, never the sign-up.
     */
    @Test
    void aConfirmationEmailTheMailServerRefusesNeverUndoesTheSignUp() throws Exception {
        String email = uniqueEmail("mail-down");
        MockHttpSession session = new MockHttpSession();
        Document form = page(session, "/supporter?next=/campaigns/tsra");
        int port = mailSender.getPort();
        mailSender.setPort(closedPort());
        try {
            mvc.perform(post("/supporter").session(session)
                .with(csrf())
                .param("name", "Mail Down")
                .param("email", email)
                .param("zip", ZIP)
                .param("updates", "true")
                .param("next", "/campaigns/tsra")
                .param("formToken", form.select("input[name=formToken]").val()))
                .andExpect(redirectedUrl("/campaigns/tsra"));
        }
        finally {
            mailSender.setPort(port);
        }
        assertThat(jdbc.queryForObject("select count(*) from supporter where email = ?", Integer.class, email)).isOne();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void consentingSupportersConfirmFromTheEmailAndCanUnsubscribeInOneClick() throws Exception {
        String email = uniqueEmail("optin");
        MockHttpSession session = new MockHttpSession();
        Document form = page(session, "/supporter?next=/campaigns/tsra");
        assertThat(form.getElementById("updates").hasAttr("checked")).as("updates box unticked by default").isFalse();

        mvc.perform(post("/supporter").session(session)
            .with(csrf())
            .param("name", "Maria Lopez")
            .param("email", email)
            .param("zip", ZIP)
            .param("updates", "true")
            .param("next", "/campaigns/tsra")
            .param("formToken", form.select("input[name=formToken]").val()))
            .andExpect(redirectedUrl("/campaigns/tsra"));
        assertThat(jdbc.queryForObject("select email_consent from supporter where email = ?", Boolean.class, email))
            .isFalse();

        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage mail = greenMail.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(email);
        assertThat(mail.getMessageID()).endsWith("@advocacy.localhost>");
        String text = GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "=");
        String unsubscribeHeader = mail.getHeader("List-Unsubscribe")[0];
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        Matcher unsubscribe = UNSUBSCRIBE_LINK.matcher(unsubscribeHeader);
        assertThat(unsubscribe.find()).as(unsubscribeHeader).isTrue();
        assertThat(text).contains(unsubscribe.group());

        Matcher confirm = CONFIRM_LINK.matcher(text);
        assertThat(confirm.find()).as(text).isTrue();
        // The link shows a page with one button; its POST confirms.
        MockHttpSession owner = new MockHttpSession();
        Document ask = page(owner, confirm.group(1));
        assertThat(ask.select("form[method=post] button").text()).isEqualTo("Confirm my subscription");
        String confirmed = mvc.perform(post(ask.select("form[method=post]").attr("action")).session(owner).with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(Jsoup.parse(confirmed).select("h1").text()).isEqualTo("You are subscribed");
        assertThat(jdbc.queryForObject(
                "select email_consent and consent_confirmed_at is not null from supporter where email = ?",
                Boolean.class, email))
            .isTrue();

        // Following the link (as mail scanners do) only asks; it does not unsubscribe.
        mvc.perform(get(unsubscribe.group(1))).andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select unsubscribed_at is null from supporter where email = ?", Boolean.class,
                email))
            .isTrue();

        // RFC 8058 one-click: the mail client posts without any CSRF token or cookie.
        mvc.perform(post(URI.create(unsubscribeHeader.substring(1, unsubscribeHeader.length() - 1)).getPath())
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .content("List-Unsubscribe=One-Click")).andExpect(status().isOk());
        assertThat(jdbc.queryForObject(
                "select not email_consent and unsubscribed_at is not null from supporter where email = ?",
                Boolean.class, email))
            .isTrue();
    }

    @Test
    void followingTheConfirmationLinkConfirmsNothingUntilTheButtonIsPressed() throws Exception {
        String email = uniqueEmail("scanner");
        MockHttpSession session = new MockHttpSession();
        Document form = page(session, "/supporter?next=/");
        mvc.perform(post("/supporter").session(session)
            .with(csrf())
            .param("name", "Scanned")
            .param("email", email)
            .param("zip", ZIP)
            .param("updates", "true")
            .param("next", "/")
            .param("formToken", form.select("input[name=formToken]").val())).andExpect(status().isFound());
        String link = "/subscribe/confirm/"
                + jdbc.queryForObject("select confirmation_token from supporter where email = ?", String.class, email);
        String consent = "select email_consent or consent_confirmed_at is not null from supporter where email = ?";

        mvc.perform(get(link)).andExpect(status().isOk());
        mvc.perform(head(link)).andExpect(status().isOk());
        mvc.perform(post(link)).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject(consent, Boolean.class, email)).as("GET, HEAD and a forged POST").isFalse();

        mvc.perform(post(link).with(csrf())).andExpect(status().isOk());
        assertThat(jdbc.queryForObject(consent, Boolean.class, email)).isTrue();
        assertThat(page(new MockHttpSession(), link).select("h1").text()).isEqualTo("This link does not work any more");
        // A confirmed subscriber would join every reminder audience other tests on this
        // database count.
        jdbc.update("delete from supporter where email = ?", email);
    }

    @Test
    void askingForUpdatesAgainAfterUnsubscribingKeepsThemUnsubscribedUntilTheyConfirm() throws Exception {
        String email = uniqueEmail("resubscribe");
        MockHttpSession session = new MockHttpSession();
        Document form = page(session, "/supporter?next=/");
        mvc.perform(post("/supporter").session(session)
            .with(csrf())
            .param("name", "Back Again")
            .param("email", email)
            .param("zip", ZIP)
            .param("updates", "true")
            .param("next", "/")
            .param("formToken", form.select("input[name=formToken]").val())).andExpect(status().isFound());
        jdbc.update("update supporter set unsubscribed_at = now() where email = ?", email);
        form = page(session, "/supporter?next=/");
        mvc.perform(post("/supporter").session(session)
            .with(csrf())
            .param("name", "Back Again")
            .param("email", email)
            .param("zip", ZIP)
            .param("updates", "true")
            .param("next", "/")
            .param("formToken", form.select("input[name=formToken]").val())).andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select unsubscribed_at is not null from supporter where email = ?"
                + " and claims_supporter_id is null", Boolean.class, email))
            .isTrue();
    }

    @Test
    void withoutTheUpdatesBoxNoEmailIsSentAndNoConsentIsRecorded() throws Exception {
        String email = uniqueEmail("noconsent");
        supporterSession("No Updates", email);
        assertThat(jdbc.queryForObject(
                "select email_consent or consent_requested_at is not null from supporter where email = ?",
                Boolean.class, email))
            .isFalse();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void detailsAreAskedOncePerVisitAndReusedByTheNextAction() throws Exception {
        MockHttpSession session = supporterSession("Once Only", uniqueEmail("once"));
        mvc.perform(get("/campaigns/tsra/call?zip=05401&district=VT-0").session(session)).andExpect(status().isOk());
    }

    @Test
    void anUnknownUnsubscribeTokenIsNotFound() throws Exception {
        mvc.perform(post("/unsubscribe/unknown-token")).andExpect(status().isNotFound());
    }

}
