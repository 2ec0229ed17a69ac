package org.advocacy.reminders;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignService;
import org.advocacy.campaigns.CampaignToolkit;
import org.advocacy.campaigns.ToolkitKind;
import org.advocacy.campaigns.ToolkitResource;
import org.advocacy.legislators.LegislatorService;
import org.advocacy.reminders.internal.AutomaticStore;
import org.advocacy.shared.PublicUrls;
import org.advocacy.shared.RichText;
import org.advocacy.shared.mail.Mailer;
import org.advocacy.shared.mail.OutgoingMail;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The automatic reminders: meeting preparation a set number of days before a scheduled
 * meeting (with the campaign's talking points), and a one-time nudge to supporters who
 * signed up but have not acted. Each goes out at most once per (kind, meeting or
 * supporter): the claim row is committed before the SMTP hand-off, as in
 * {@link ReminderDispatch}. Each email links to its own opt-out and to the general
 * unsubscribe.
 */
@Service
public class AutomaticReminders {

    private static final Logger log = LoggerFactory.getLogger(AutomaticReminders.class);

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm z",
            Locale.US);

    private static final int PAGE = 500;

    private final AutomaticStore store;

    private final CampaignService campaigns;

    private final CampaignToolkit toolkit;

    private final LegislatorService legislators;

    private final ReminderRenderer renderer;

    private final Mailer mailer;

    private final JavaMailSender sender;

    private final PublicUrls urls;

    private final Clock clock;

    private final TransactionTemplate newTransaction;

    private final int meetingPrepDays;

    private final int nudgeAfterDays;

    private final ZoneId zone;

    private final String messageIdDomain;

    AutomaticReminders(AutomaticStore store, CampaignService campaigns, CampaignToolkit toolkit,
            LegislatorService legislators, ReminderRenderer renderer, Mailer mailer, JavaMailSender sender,
            PublicUrls urls, Clock clock, PlatformTransactionManager transactionManager,
            @Value("${advocacy.reminders.meeting-prep-days:2}") int meetingPrepDays,
            @Value("${advocacy.reminders.nudge-after-days:7}") int nudgeAfterDays,
            @Value("${advocacy.reminders.time-zone:America/New_York}") String zone) {
        this.store = store;
        this.campaigns = campaigns;
        this.toolkit = toolkit;
        this.legislators = legislators;
        this.renderer = renderer;
        this.mailer = mailer;
        this.sender = sender;
        this.urls = urls;
        this.clock = clock;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.meetingPrepDays = meetingPrepDays;
        this.nudgeAfterDays = nudgeAfterDays;
        this.zone = ZoneId.of(zone);
        this.messageIdDomain = mailer.messageIdDomain();
    }

    /** Counts of one run. */
    public record RunSummary(int sent, int failed) {
    }

    /** Sends every meeting preparation reminder now due. */
    public RunSummary sendMeetingPreparation() {
        reconcile();
        int sent = 0;
        int failed = 0;
        for (AutomaticStore.DueMeeting meeting : store.dueMeetings(clock.instant(), meetingPrepDays)) {
            Sent outcome = send(AutomaticKind.MEETING_PREP, "meeting:" + meeting.meetingId(), meeting.meetingId(),
                    meeting.recipient(), meetingEmail(meeting));
            if (outcome == Sent.SMTP_UNAVAILABLE) {
                break;
            }
            sent += outcome == Sent.SENT ? 1 : 0;
            failed += outcome == Sent.FAILED ? 1 : 0;
        }
        return new RunSummary(sent, failed);
    }

    /**
     * Sends the nudge to every supporter now due, a page at a time; stops early when the
     * mail server is down.
     */
    public RunSummary sendActionNudges() {
        reconcile();
        int sent = 0;
        int failed = 0;
        List<AutomaticStore.DueNudge> due;
        do {
            due = store.dueNudges(clock.instant(), nudgeAfterDays, PAGE);
            for (AutomaticStore.DueNudge nudge : due) {
                Sent outcome = send(AutomaticKind.ACTION_NUDGE, "supporter:" + nudge.recipient().supporterId(), null,
                        nudge.recipient(), nudgeEmail(nudge));
                if (outcome == Sent.SMTP_UNAVAILABLE) {
                    return new RunSummary(sent, failed);
                }
                sent += outcome == Sent.SENT ? 1 : 0;
                failed += outcome == Sent.FAILED ? 1 : 0;
            }
        }
        while (due.size() == PAGE);
        return new RunSummary(sent, failed);
    }

    /**
     * Records the supporter's opt-out from one kind; false when the link's token is
     * unknown.
     */
    public boolean optOut(String unsubscribeToken, AutomaticKind kind) {
        if (!store.tokenExists(unsubscribeToken)) {
            return false;
        }
        return newTransaction.execute(status -> store.optOut(unsubscribeToken, kind.name()));
    }

    public boolean tokenExists(String unsubscribeToken) {
        return store.tokenExists(unsubscribeToken);
    }

    public String optOutUrl(AutomaticKind kind, String unsubscribeToken) {
        return urls.baseUrl() + "/reminders/opt-out/" + kind.slug() + "/" + unsubscribeToken;
    }

    private void reconcile() {
        int inDoubt = store.markInDoubt(clock.instant().minus(Duration.ofMinutes(10)));
        if (inDoubt > 0) {
            log.warn("{} automatic reminders were interrupted mid-send and are marked in doubt (not resent)", inDoubt);
        }
    }

    private record Template(String subject, String html, String text) {
    }

    private enum Sent {

        SENT, FAILED, NOT_CLAIMED, SMTP_UNAVAILABLE

    }

    private Sent send(AutomaticKind kind, String subjectKey, @Nullable Long meetingId, Recipient recipient,
            Template template) {
        String messageId = "<" + kind.slug() + "." + subjectKey.replace(':', '.') + "@" + messageIdDomain + ">";
        Boolean claimed = newTransaction
            .execute(status -> store.claim(kind.name(), recipient.supporterId(), meetingId, subjectKey, messageId));
        if (!Boolean.TRUE.equals(claimed)) {
            return Sent.NOT_CLAIMED;
        }
        String optOutLabel = kind == AutomaticKind.MEETING_PREP ? "Stop meeting preparation reminders"
                : "Stop these reminders to take action";
        RenderedEmail email = renderer.render(template.subject(), template.html(), template.text(), recipient,
                List.of(Map.entry(optOutLabel, optOutUrl(kind, recipient.unsubscribeToken()))));
        try {
            MimeMessage message = mailer.toMimeMessage(
                    new OutgoingMail(email.to(), email.subject(), email.text(), email.html(), email.unsubscribeUrl()));
            message.setHeader("Message-ID", messageId);
            sender.send(message);
            newTransaction.executeWithoutResult(status -> store.markSent(kind.name(), subjectKey, clock.instant()));
            return Sent.SENT;
        }
        catch (MessagingException e) {
            throw new MailPreparationException("Could not set the Message-ID", e);
        }
        catch (MailException e) {
            if (SmtpFailures.isPermanent(e)) {
                newTransaction.executeWithoutResult(
                        status -> store.markFailed(kind.name(), subjectKey, SmtpFailures.describe(e)));
                return Sent.FAILED;
            }
            if (SmtpFailures.isInDoubt(e)) {
                // The server may have taken it before the connection broke: at most once.
                newTransaction.executeWithoutResult(
                        status -> store.markInDoubt(kind.name(), subjectKey, SmtpFailures.describe(e)));
                log.warn(
                        "Automatic reminder {}: the connection broke during the hand-off; in doubt, not sent again: {}",
                        subjectKey, SmtpFailures.describe(e));
                return Sent.SMTP_UNAVAILABLE;
            }
            newTransaction.executeWithoutResult(status -> store.release(kind.name(), subjectKey));
            log.warn("Automatic reminder {} not sent, will retry on the next run: {}", subjectKey,
                    SmtpFailures.describe(e));
            return Sent.SMTP_UNAVAILABLE;
        }
    }

    private Template meetingEmail(AutomaticStore.DueMeeting meeting) {
        String member = legislators.find(meeting.bioguideId())
            .map(l -> l.getTitle() + " " + l.getDisplayName())
            .orElse("your member of Congress");
        String when = WHEN.format(meeting.scheduledFor().atZone(zone));
        Campaign campaign = campaigns.find(meeting.campaignId()).orElse(null);
        List<ToolkitResource> points = campaign == null ? List.of()
                : toolkit.resources(campaign).stream().filter(r -> r.getKind() == ToolkitKind.TALKING_POINTS).toList();
        String campaignTitle = campaign == null ? "our campaign" : campaign.getTitle();
        StringBuilder text = new StringBuilder().append("Hello {{supporter.firstName}},\n\n")
            .append("Your meeting with the office of ")
            .append(member)
            .append(" about ")
            .append(campaignTitle)
            .append(" is on ")
            .append(when)
            .append(". Thank you for making the time.\n\n");
        StringBuilder html = new StringBuilder()
            .append("<p>Hello {{supporter.firstName}},</p><p>Your meeting with the office of ")
            .append(RichText.escape(member))
            .append(" about ")
            .append(RichText.escape(campaignTitle))
            .append(" is on ")
            .append(RichText.escape(when))
            .append(". Thank you for making the time.</p>");
        if (points.isEmpty()) {
            text.append(
                    "Say who you are and where you live, tell them why this matters to you, and make one clear ask.\n");
            html.append(
                    "<p>Say who you are and where you live, tell them why this matters to you, and make one clear ask.</p>");
        }
        for (ToolkitResource point : points) {
            text.append(point.getTitle())
                .append("\n\n")
                .append(point.getBody() == null ? point.getDescription() : point.getBody())
                .append("\n\n");
            html.append("<h3>")
                .append(RichText.escape(point.getTitle()))
                .append("</h3>")
                .append(linesToHtml(point.getBody() == null ? point.getDescription() : point.getBody()));
        }
        if (campaign != null) {
            String url = urls.campaign(campaign.getSlug());
            text.append("The campaign page: ").append(url).append('\n');
            html.append("<p><a href=\"").append(RichText.escape(url)).append("\">The campaign page</a></p>");
        }
        return new Template("Your meeting with " + member + " is coming up", html.toString(), text.toString());
    }

    private Template nudgeEmail(AutomaticStore.DueNudge nudge) {
        Campaign campaign = nudge.campaignId() == null ? null : campaigns.find(nudge.campaignId()).orElse(null);
        String title = campaign == null ? "the campaign" : campaign.getTitle();
        String url = campaign == null ? urls.baseUrl() + "/" : urls.campaign(campaign.getSlug());
        String text = """
                Hello {{supporter.firstName}},

                Thank you for signing up to support %s. One call or letter from a constituent is what moves a member \
                of Congress. It takes five minutes:

                Call {{representative.name}} at {{representative.phone}}, or your senators: {{senators}}.

                Or write a letter from the campaign page: %s
                """.formatted(title, url);
        String html = ("<p>Hello {{supporter.firstName}},</p><p>Thank you for signing up to support %s. One call or letter "
                + "from a constituent is what moves a member of Congress. It takes five minutes:</p>"
                + "<p>Call {{representative.name}} at {{representative.phone}}, or your senators: {{senators}}.</p>"
                + "<p><a href=\"%s\">Write a letter from the campaign page</a></p>")
            .formatted(RichText.escape(title), RichText.escape(url));
        return new Template("Five minutes for " + title, html, text);
    }

    private static String linesToHtml(String body) {
        List<String> lines = body.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (!lines.isEmpty() && lines.stream().allMatch(l -> l.startsWith("- "))) {
            return lines.stream()
                .map(l -> "<li>" + RichText.escape(l.substring(2)) + "</li>")
                .collect(Collectors.joining("", "<ul>", "</ul>"));
        }
        return lines.stream().map(l -> "<p>" + RichText.escape(l) + "</p>").collect(Collectors.joining());
    }

}
