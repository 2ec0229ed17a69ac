package org.advocacy.shared.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.advocacy.testsupport.SharedSmtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.util.GreenMailUtil;

class MailerTests {

    @RegisterExtension
    static final SharedSmtp smtp = new SharedSmtp();

    private final Mailer mailer = new Mailer(sender(), "Advocacy <no-reply@advocacy.test>");

    @Test
    void aMessageToASupporterCarriesOneClickUnsubscribeHeaders() throws Exception {
        mailer.send(new OutgoingMail("ana@example.org", "Please confirm", "Plain text body", "<p>HTML body</p>",
                "https://advocacy.test/unsubscribe/abc123"));

        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getHeader("List-Unsubscribe"))
            .containsExactly("<https://advocacy.test/unsubscribe/abc123>");
        assertThat(received.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(received.getSubject()).isEqualTo("Please confirm");
        String raw = GreenMailUtil.getWholeMessage(received);
        assertThat(raw).contains("Plain text body").contains("<p>HTML body</p>");
    }

    @Test
    void choosesTheTransferEncodingJakartaMailWouldChoose() throws Exception {
        for (String text : List.of("Plain ASCII,\r\nin lines.", "Ana Muñoz, call Rep. Pingree", "日本語のテキスト",
                "x".repeat(1200), "tab\tand\u007fdelete", "emoji 🙂 " + "a".repeat(20), "")) {
            MimeBodyPart part = new MimeBodyPart();
            part.setText(text, "UTF-8");
            assertThat(Mailer.transferEncoding(text)).as(text)
                .isEqualTo(MimeUtility.getEncoding(part.getDataHandler()));
        }
    }

    @Test
    void aMessageWithoutAnUnsubscribeUrlHasNoListHeaders() throws Exception {
        mailer.send(new OutgoingMail("staff@example.org", "Test", "Body", null, null));

        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getHeader("List-Unsubscribe")).isNull();
        assertThat(GreenMailUtil.getBody(received)).contains("Body");
    }

    @Test
    void everyMessageIdCarriesTheSendingAddresssDomainNotTheHosts() throws Exception {
        mailer.send(new OutgoingMail("ana@example.org", "One", "Body", null, null));
        mailer.send(new OutgoingMail("ana@example.org", "Two", "Body", "<p>Body</p>", "https://advocacy.test/u/x"));

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[0].getMessageID()).matches("<[0-9a-f-]{36}@advocacy\\.test>");
        assertThat(received[1].getMessageID()).matches("<[0-9a-f-]{36}@advocacy\\.test>")
            .isNotEqualTo(received[0].getMessageID());
        assertThat(mailer.messageIdDomain()).isEqualTo("advocacy.test");
    }

    @Test
    void aSendingAddressWithoutADomainIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new Mailer(sender(), "Advocacy <no-reply>"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("advocacy.mail.from");
        assertThat(Mailer.domainOf("no-reply@mail.example.org")).isEqualTo("mail.example.org");
    }

    private static JavaMailSenderImpl sender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(SharedSmtp.port());
        return sender;
    }

}
