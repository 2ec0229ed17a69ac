package org.advocacy.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketException;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

class SmtpFailuresTests {

    @Test
    void aRejectedRecipientIsPermanent() throws Exception {
        var rejected = new SMTPAddressFailedException(new InternetAddress("gone@reminders.test"), "RCPT TO", 550,
                "550 5.1.1 mailbox unavailable");
        var send = new SendFailedException("Invalid Addresses", rejected);
        MailSendException failure = new MailSendException(Map.of(new Object(), send));

        assertThat(SmtpFailures.isPermanent(failure)).isTrue();
    }

    @Test
    void aTemporaryRejectionAndARefusedConnectionAreTransient() throws Exception {
        var busy = new SMTPSendFailedException("DATA", 451, "451 4.3.0 try again later", null, null, null, null);
        assertThat(SmtpFailures.isPermanent(new MailSendException("busy", busy))).isFalse();
        var refused = new MessagingException("Couldn't connect to host", new ConnectException("Connection refused"));
        assertThat(SmtpFailures.isPermanent(new MailSendException("down", refused))).isFalse();
    }

    @Test
    void aRefusedConnectionOrA4xxReplyIsRetriedButAConnectionBrokenMidHandOffIsInDoubt() throws Exception {
        var refused = new MessagingException("Couldn't connect to host", new ConnectException("Connection refused"));
        assertThat(SmtpFailures.isInDoubt(new MailSendException("Mail server connection failed", refused))).isFalse();
        var busy = new SMTPSendFailedException("DATA", 451, "451 4.3.0 try again later", null, null, null, null);
        assertThat(SmtpFailures.isInDoubt(new MailSendException("busy", busy))).isFalse();

        var reset = new MessagingException("Exception reading response", new SocketException("Connection reset"));
        assertThat(SmtpFailures.isInDoubt(new MailSendException(Map.of(new Object(), reset)))).isTrue();
        var endOfStream = new SMTPSendFailedException("[EOF]", -1, "[EOF]", null, null, null, null);
        assertThat(SmtpFailures.isInDoubt(new MailSendException("dropped", endOfStream))).isTrue();
        assertThat(SmtpFailures.isPermanent(new MailSendException("dropped", endOfStream))).isFalse();
    }

    @Test
    void aRejectedLoginIsNeverInDoubt() {
        var failure = new MailAuthenticationException(
                new MessagingException("535", new SocketException("Connection reset")));
        assertThat(SmtpFailures.isInDoubt(failure)).isFalse();
    }

}
