package org.advocacy.shared.mail;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Builds and sends the platform's emails through SMTP (Spring Mail; SPRING_MAIL_* settings). */
@Component
public class Mailer {

    private final JavaMailSender sender;
    private final String from;

    Mailer(JavaMailSender sender, @Value("${advocacy.mail.from:Advocacy Platform <no-reply@localhost>}") String from) {
        this.sender = sender;
        this.from = from;
    }

    /** Sends at once; a {@link MailException} tells transient from permanent failures by its cause. */
    public void send(OutgoingMail mail) {
        sender.send(toMimeMessage(mail));
    }

    /** The message as it will be sent: multipart text/HTML, with one-click unsubscribe headers when it has a URL. */
    public MimeMessage toMimeMessage(OutgoingMail mail) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, mail.html() != null, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
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
            // Not the address: this message is logged, and a supporter's email address must not be.
            throw new MailPreparationException("Could not build the email", e);
        }
    }
}
