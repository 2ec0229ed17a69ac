package org.advocacy.shared.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.StreamProvider;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Builds and sends the platform's emails through SMTP (Spring Mail; SPRING_MAIL_*
 * settings).
 */
@Component
public class Mailer {

    static final String MAIL_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private static final String TRANSFER_ENCODING = "Content-Transfer-Encoding";

    static {
        // Jakarta Mail 2.1 looks up its StreamProvider for every part it builds and every
        // header it encodes, with a ServiceLoader scan of the class path unless this
        // system property names the implementation (jakartaee/mail-api#699, #861): that
        // scan was most of the CPU of sending a reminder. Angus Mail's is the one on the
        // class path.
        System.getProperties().putIfAbsent(StreamProvider.class.getName(), MAIL_STREAM_PROVIDER);
    }

    private final JavaMailSender sender;

    private final String from;

    private final String messageIdDomain;

    private final InternetAddress fromAddress;

    Mailer(JavaMailSender sender, @Value("${advocacy.mail.from:Advocacy Platform <no-reply@localhost>}") String from) {
        this.sender = sender;
        this.from = from;
        this.messageIdDomain = domainOf(from);
        this.fromAddress = sender(from);
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
     * The message as it will be sent: text, or multipart/alternative text and HTML, in
     * UTF-8, with one-click unsubscribe headers when it has a URL. Built with Jakarta
     * Mail directly rather than Spring's MimeMessageHelper, whose mixed and related
     * wrappers around the two parts (for attachments and inline images, which these
     * emails never have) tripled the parts to build and write; the transfer encoding is
     * set so that saving the message does not encode each part once more only to choose
     * it.
     */
    public MimeMessage toMimeMessage(OutgoingMail mail) {
        MimeMessage message = sender.createMimeMessage();
        try {
            message.setFrom(fromAddress);
            // Jakarta Mail would take the host name (often "localhost"); the sender's
            // domain looks like the organisation and keeps spam filters calm.
            // JavaMailSenderImpl keeps an explicit Message-ID when sending.
            message.setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + messageIdDomain + ">");
            message.setRecipient(Message.RecipientType.TO, recipient(mail.to()));
            message.setSubject(mail.subject(), UTF_8);
            if (mail.html() != null) {
                MimeMultipart alternative = new MimeMultipart("alternative");
                alternative.addBodyPart(textPart(mail.text(), "plain"));
                alternative.addBodyPart(textPart(mail.html(), "html"));
                message.setContent(alternative);
            }
            else {
                message.setText(mail.text(), UTF_8);
                message.setHeader(TRANSFER_ENCODING, transferEncoding(mail.text()));
            }
            if (mail.unsubscribeUrl() != null) {
                message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            return message;
        }
        catch (MessagingException | UnsupportedEncodingException e) {
            // Not the address: this message is logged, and a supporter's email address
            // must not be.
            throw new MailPreparationException("Could not build the email", e);
        }
    }

    private static MimeBodyPart textPart(String content, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(content, UTF_8, subtype);
        part.setHeader(TRANSFER_ENCODING, transferEncoding(content));
        return part;
    }

    /**
     * Jakarta Mail's choice for text (MimeUtility.getEncoding), from the characters
     * instead of from writing the part out once more: 7bit for ASCII in lines SMTP takes,
     * quoted-printable for mostly ASCII, base64 for the rest.
     */
    static String transferEncoding(String text) {
        int ascii = 0;
        int other = 0;
        int line = 0;
        boolean longLine = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // Counted in UTF-8 bytes, as Jakarta Mail counts them.
            int bytes = c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
            line = c == '\r' || c == '\n' ? 0 : line + bytes;
            longLine |= line > 998;
            if (c < 0x7f && (c >= 0x20 || c == '\r' || c == '\n' || c == '\t')) {
                ascii++;
            }
            else {
                other += bytes;
            }
        }
        if (other == 0) {
            return longLine ? "quoted-printable" : "7bit";
        }
        return other < ascii ? "quoted-printable" : "base64";
    }

    /** One address, as Spring's MimeMessageHelper takes it (a name may be given too). */
    private static InternetAddress recipient(String to) throws AddressException, UnsupportedEncodingException {
        InternetAddress[] parsed = InternetAddress.parse(to);
        if (parsed.length != 1) {
            throw new AddressException("Illegal address", to);
        }
        return new InternetAddress(parsed[0].getAddress(), parsed[0].getPersonal(), UTF_8);
    }

    private static InternetAddress sender(String from) {
        try {
            return recipient(from);
        }
        catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("advocacy.mail.from is not an email address: " + from, e);
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
