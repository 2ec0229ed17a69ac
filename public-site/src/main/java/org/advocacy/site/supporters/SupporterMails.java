package org.advocacy.site.supporters;

import java.util.Locale;

import org.advocacy.shared.PublicUrls;
import org.advocacy.shared.mail.Mailer;
import org.advocacy.shared.mail.OutgoingMail;
import org.advocacy.supporters.Supporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * The emails the public site sends, in the supporter's language. Each one to a supporter
 * carries their one-click unsubscribe link (as List-Unsubscribe headers and in the text).
 * A failed send is logged and never undoes what the supporter did.
 */
@Component
public class SupporterMails {

    private static final Logger log = LoggerFactory.getLogger(SupporterMails.class);

    private final Mailer mailer;

    private final PublicUrls urls;

    private final MessageSource messages;

    SupporterMails(Mailer mailer, PublicUrls urls, MessageSource messages) {
        this.mailer = mailer;
        this.urls = urls;
        this.messages = messages;
    }

    /** The double opt-in email: nothing else is sent until its link is followed. */
    public void sendConfirmation(Supporter supporter, Locale locale) {
        String token = supporter.getConfirmationToken();
        if (token == null) {
            return;
        }
        String unsubscribe = urls.unsubscribe(supporter.getUnsubscribeToken());
        String text = messages.getMessage("mail.confirm.text",
                new Object[] { supporter.getName(), urls.confirmSubscription(token), unsubscribe }, locale);
        send(new OutgoingMail(supporter.getEmail(), messages.getMessage("mail.confirm.subject", null, locale), text,
                null, unsubscribe));
    }

    /**
     * Asks the owner of an address whether a visit that gave it was them. Nothing the
     * visitor typed is in it (not even the name): until the owner confirms, it may have
     * been anyone. A single receipt, not a mailing, so no unsubscribe link.
     */
    public void sendVisitConfirmation(String email, String token, Locale locale) {
        String text = messages.getMessage("mail.visit.text", new Object[] { urls.confirmVisit(token) }, locale);
        send(new OutgoingMail(email, messages.getMessage("mail.visit.subject", null, locale), text, null, null));
    }

    /**
     * Confirms a meeting request to the supporter who made it. Never for an unconfirmed
     * visit: its address belongs to another supporter, who must not receive what the
     * visitor wrote (the owner was asked to confirm the visit instead).
     */
    public void sendMeetingConfirmation(Supporter supporter, String legislatorName, String preferredDates, String topic,
            String campaignTitle, Locale locale) {
        if (supporter.isUnconfirmedVisit()) {
            return;
        }
        String unsubscribe = urls.unsubscribe(supporter.getUnsubscribeToken());
        String text = messages.getMessage("mail.meeting.text",
                new Object[] { supporter.getName(), legislatorName, preferredDates, topic, campaignTitle, unsubscribe },
                locale);
        send(new OutgoingMail(supporter.getEmail(),
                messages.getMessage("mail.meeting.subject", new Object[] { legislatorName }, locale), text, null,
                unsubscribe));
    }

    /**
     * Sends a story's private withdrawal link to the address its submitter gave. This is
     * a single receipt, not a mailing list, so it has no unsubscribe link.
     */
    public void sendStoryReceipt(String email, String withdrawalUrl, Locale locale) {
        String text = messages.getMessage("mail.story.text", new Object[] { withdrawalUrl }, locale);
        send(new OutgoingMail(email, messages.getMessage("mail.story.subject", null, locale), text, null, null));
    }

    private void send(OutgoingMail mail) {
        try {
            mailer.send(mail);
        }
        catch (MailException e) {
            log.warn("Could not send '{}': {}", mail.subject(), e.getMessage());
        }
    }

}
