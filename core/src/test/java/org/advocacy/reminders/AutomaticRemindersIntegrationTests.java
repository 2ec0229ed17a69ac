package org.advocacy.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import jakarta.mail.internet.MimeMessage;

import org.advocacy.testsupport.SharedSmtp;
import org.advocacy.testsupport.ReminderTestData;
import org.advocacy.testsupport.ReminderTestData.Consent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import com.icegreen.greenmail.util.GreenMailUtil;

// Meeting preparation 2 days ahead, nudges after 7 days: core's test application.yaml.
@SpringBootTest
class AutomaticRemindersIntegrationTests {

    @RegisterExtension
    static final SharedSmtp smtp = new SharedSmtp();

    @Autowired
    AutomaticReminders automatic;

    @Autowired
    JdbcTemplate jdbc;

    ReminderTestData data;

    long campaign;

    @BeforeEach
    void setUp() {
        data = new ReminderTestData(jdbc);
        data.clean();
        data.legislators();
        campaign = data.campaign("reminders-automatic");
        jdbc.update("delete from toolkit_resource where campaign_id = ?", campaign);
        jdbc.update("""
                insert into toolkit_resource (campaign_id, position, kind, title, description, body)
                values (?, 1, 'TALKING_POINTS', 'Talking points', 'For the meeting', ?)""", campaign,
                "- Survivors are punished for crimes they were forced to commit.\n- Records block jobs & housing.");
    }

    @Test
    void meetingPreparationGoesOutOnceWithTheTalkingPointsAndItsOwnOptOut() throws Exception {
        long supporter = data.supporter("meeting", "Mia Moss", "VT", 0, Consent.CONFIRMED);
        data.scheduledMeeting(supporter, campaign, "B001318", Instant.now().plus(Duration.ofDays(1)));
        long later = data.supporter("later", "Lou Later", "VT", 0, Consent.CONFIRMED);
        data.scheduledMeeting(later, campaign, "B001318", Instant.now().plus(Duration.ofDays(5)));

        assertThat(automatic.sendMeetingPreparation().sent()).isOne();
        assertThat(automatic.sendMeetingPreparation().sent()).isZero();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage email = received[0];
        assertThat(email.getSubject()).isEqualTo("Your meeting with Rep. Becca Balint is coming up");
        assertThat(email.getMessageID()).startsWith("<meeting-prep.").endsWith("@advocacy.localhost>");
        String token = data.unsubscribeToken(supporter);
        assertThat(email.getHeader("List-Unsubscribe"))
            .containsExactly("<http://localhost:8080/unsubscribe/" + token + ">");
        String raw = GreenMailUtil.getWholeMessage(email);
        assertThat(raw).contains("Hello Mia,")
            .contains("Survivors are punished for crimes they were forced to commit.")
            .contains("<li>Records block jobs &amp; housing.</li>")
            .contains("http://localhost:8080/reminders/opt-out/meeting-prep/" + token)
            .contains("http://localhost:8080/unsubscribe/" + token);
    }

    @Test
    void aSupporterWhoOptedOutOfOneKindGetsNoneOfThatKind() {
        long supporter = data.supporter("optout", "Omar", "ME", 1, Consent.CONFIRMED);
        data.scheduledMeeting(supporter, campaign, "P000597", Instant.now().plus(Duration.ofHours(20)));
        data.action(supporter, campaign, "SIGNUP");

        assertThat(automatic.optOut(data.unsubscribeToken(supporter), AutomaticKind.MEETING_PREP)).isTrue();
        automatic.sendMeetingPreparation();
        automatic.sendActionNudges();

        // Opting out of meeting preparation leaves the nudge, a different kind, in place.
        assertThat(smtp.getReceivedMessages()).singleElement()
            .satisfies(m -> assertThat(m.getSubject()).isEqualTo("Five minutes for Campaign reminders-automatic"));
        assertThat(automatic.optOut("no-such-token", AutomaticKind.ACTION_NUDGE)).isFalse();
    }

    @Test
    void theNudgeGoesOnceToSubscribersWhoSignedUpLongEnoughAgoAndHaveNotActed() throws Exception {
        long idle = data.supporter("idle", "Ida Idle", "ME", 2, Consent.CONFIRMED);
        data.action(idle, campaign, "SIGNUP");
        long active = data.supporter("active", "Abe Active", "ME", 2, Consent.CONFIRMED);
        data.action(active, campaign, "SIGNUP");
        data.action(active, campaign, "CALL");
        long recent = data.supporter("recent", "Rae Recent", "ME", 2, Consent.CONFIRMED);
        jdbc.update("update supporter set consent_confirmed_at = now() - interval '2 days' where id = ?", recent);
        data.supporter("unsubscribed-idle", "Uma", "ME", 2, Consent.UNSUBSCRIBED);
        data.supporter("unconfirmed-idle", "Ugo", "ME", 2, Consent.AWAITING_CONFIRMATION);

        assertThat(automatic.sendActionNudges().sent()).isOne();
        assertThat(automatic.sendActionNudges().sent()).isZero();

        MimeMessage email = smtp.getReceivedMessages()[0];
        assertThat(Arrays.stream(email.getAllRecipients()).map(Object::toString)).containsExactly(data.email(idle));
        assertThat(GreenMailUtil.getWholeMessage(email)).contains("Call Rep. Jared F. Golden at 202-225-6306")
            .contains("http://localhost:8080/campaigns/reminders-automatic")
            .contains("http://localhost:8080/reminders/opt-out/action-nudge/" + data.unsubscribeToken(idle));
    }

    @Test
    void aClaimLeftBehindByACrashIsNeverSentAgain() {
        long supporter = data.supporter("crash", "Cy", "VT", 0, Consent.CONFIRMED);
        data.action(supporter, campaign, "SIGNUP");
        jdbc.update("""
                insert into automatic_reminder (kind, supporter_id, subject_key, status, message_id, created_at)
                values ('ACTION_NUDGE', ?, ?, 'SENDING', '<x@y>', now() - interval '1 hour')""", supporter,
                "supporter:" + supporter);

        automatic.sendActionNudges();

        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(jdbc.queryForObject("select status from automatic_reminder where supporter_id = ?", String.class,
                supporter))
            .isEqualTo("IN_DOUBT");
    }

}
