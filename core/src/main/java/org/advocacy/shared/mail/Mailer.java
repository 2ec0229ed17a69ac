package org.advocacy.shared.mail;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Builds and sends the platform's emails through SMTP (Spring Mail; SPRING_MAIL_*
 * settings).
 */
@Component
public class Mailer {

    private final JavaMailSender sender;

    private final String from;

    private final String messageIdDomain;

    Mailer(JavaMailSender sender, @Value("${advocacy.mail.from:Advocacy Platform <no-reply@localhost>}") String from) {
        this.sender = sender;
        this.from = from;
        this.messageIdDomain = domainOf(from);
    }

    /**
     * The domain every Message-ID ends with: the sending address's (advocacy.mail.from),
     * not the host's.
     */
    public String messageIdDomain() {
        return messageIdDomain;
    }

    /**
     * Sends at once; a {@link MailException} tells transient from permanent failures by
     * its cause.
     */
    public void send(OutgoingMail mail) {
        sender.send(toMimeMessage(mail));
    }

    /**
     * The message as it will be sent: multipart text/HTML, with one-click unsubscribe
     * headers when it has a URL.
     */
    public MimeMessage toMimeMessage(OutgoingMail mail) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, mail.html() != null,
                    StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            // Jakarta Mail would take the host name (often "localhost"); the sender's
            // domain looks like the
            // organisation and keeps spam filters calm. JavaMailSenderImpl keeps an
            // explicit Message-ID when sending.
            message.setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + messageIdDomain + ">");
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            if (mail.html() != null) {
                helper.setText(mail.text(), mail.html());
            }
            else {
                helper.setText(mail.text());
            }
            if (mail.unsubscribeUrl() != null) {
                message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            return message;
        }
        catch (MessagingException e) {
            // Not the address: this message is logged, and a supporter's email address
            // must not be.
            throw new MailPreparationException("Could not build the email", e);
        }
    }

    /**
     * The domain of the sending address; a From without one cannot send mail, so it fails
     * at start-up.
     */
    static String domainOf(String from) {
        try {
            String address = new InternetAddress(from, true).getAddress();
            int at = address.lastIndexOf('@');
            if (at < 1 || at == address.length() - 1) {
                throw new IllegalArgumentException("advocacy.mail.from needs an address with a domain: " + from);
            }
            return address.substring(at + 1);
        }
        catch (AddressException e) {
            throw new IllegalArgumentException("advocacy.mail.from is not an email address: " + from, e);
        }
    }

}
