package org.advocacy.reminders;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP connection, kept open across messages: the session, host and credentials are
 * Spring Mail's (SPRING_MAIL_*). It connects on first use and again after a failure that
 * may have broken it; a connection idle for a while is checked (NOOP) before it is
 * trusted with a message, since the server may have closed it. Not thread-safe: one per
 * sending worker.
 */
final class SmtpConnection implements AutoCloseable {

    private static final long IDLE_CHECK_NANOS = 5_000_000_000L;

    private final JavaMailSenderImpl settings;

    private @Nullable Transport transport;

    private long lastUsed;

    SmtpConnection(JavaMailSenderImpl settings) {
        this.settings = settings;
    }

    /**
     * Hands one prepared message (Message-ID and headers final, see
     * {@link MimeMessage#saveChanges()}) to the server.
     * @throws MailSendException carrying the SMTP reply or the I/O failure, for
     * {@link SmtpFailures} to classify
     */
    void send(MimeMessage message) {
        Transport connected = connected();
        try {
            connected.sendMessage(message, message.getAllRecipients());
            lastUsed = System.nanoTime();
        }
        catch (MessagingException e) {
            if (!SmtpFailures.isReply(e)) {
                // No SMTP reply: the connection broke or timed out, and is not used
                // again.
                close();
            }
            throw new MailSendException("The mail server did not take the email", e);
        }
    }

    private Transport connected() {
        Transport current = transport;
        if (current != null && System.nanoTime() - lastUsed > IDLE_CHECK_NANOS && !current.isConnected()) {
            close();
            current = null;
        }
        if (current != null) {
            return current;
        }
        try {
            Transport opened = settings.getSession()
                .getTransport(settings.getProtocol() == null ? "smtp" : settings.getProtocol());
            String username = settings.getUsername();
            String password = settings.getPassword();
            if ("".equals(username)) {
                username = null;
                password = null;
            }
            opened.connect(settings.getHost(), settings.getPort(), username, password);
            transport = opened;
            lastUsed = System.nanoTime();
            return opened;
        }
        catch (AuthenticationFailedException e) {
            throw new MailAuthenticationException(e);
        }
        catch (MessagingException e) {
            throw new MailSendException("Mail server connection failed", e);
        }
    }

    @Override
    public void close() {
        Transport current = transport;
        transport = null;
        if (current != null) {
            try {
                current.close();
            }
            catch (MessagingException e) {
                // Already broken; nothing to tell the server.
            }
        }
    }

}
