package org.advocacy.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.advocacy.reminders.internal.AudienceQueries;
import org.advocacy.supporters.ActionType;
import org.advocacy.testsupport.ReminderTestData;
import org.advocacy.testsupport.ReminderTestData.Consent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** Every audience rule, always limited to confirmed, not unsubscribed supporters. */
@SpringBootTest
@WithMockUser(roles = "ORGANIZER")
class ReminderAudienceIntegrationTests {

    @Autowired
    ReminderService reminders;

    @Autowired
    AudienceQueries audiences;

    @Autowired
    JdbcTemplate jdbc;

    ReminderTestData data;

    long campaignA;

    long campaignB;

    // Vermont: confirmed letter writer in campaign A, confirmed caller in campaign B, a
    // sign-up only.
    long vtWriter;

    long vtCaller;

    long vtSignupOnly;

    // Maine district 1 and 2: a sign-up only in each; district 2 also wrote in campaign A
    // and called.
    long me1SignupOnly;

    long me2WriterCaller;

    // Never mailed, whatever the rule: unconfirmed, awaiting confirmation, unsubscribed.
    // All wrote in campaign A.
    long neverAsked;

    long awaiting;

    long unsubscribed;

    @BeforeEach
    void setUp() {
        data = new ReminderTestData(jdbc);
        data.clean();
        data.legislators();
        campaignA = data.campaign("reminders-audience-a");
        campaignB = data.campaign("reminders-audience-b");
        vtWriter = data.supporter("vt-writer", "Ana Writer", "VT", 0, Consent.CONFIRMED);
        data.action(vtWriter, campaignA, "LETTER");
        vtCaller = data.supporter("vt-caller", "Ben Caller", "VT", 0, Consent.CONFIRMED);
        data.action(vtCaller, campaignB, "SIGNUP");
        data.action(vtCaller, campaignB, "CALL");
        vtSignupOnly = data.supporter("vt-signup", "Cal Signup", "VT", 0, Consent.CONFIRMED);
        data.action(vtSignupOnly, campaignA, "SIGNUP");
        me1SignupOnly = data.supporter("me1-signup", "Dee Signup", "ME", 1, Consent.CONFIRMED);
        data.action(me1SignupOnly, campaignB, "SIGNUP");
        me2WriterCaller = data.supporter("me2-both", "Eve Both", "ME", 2, Consent.CONFIRMED);
        data.action(me2WriterCaller, campaignA, "LETTER");
        data.action(me2WriterCaller, campaignA, "CALL");
        neverAsked = data.supporter("never-asked", "Fay Never", "VT", 0, Consent.NEVER_ASKED);
        awaiting = data.supporter("awaiting", "Gus Awaiting", "ME", 2, Consent.AWAITING_CONFIRMATION);
        unsubscribed = data.supporter("unsubscribed", "Hal Gone", "ME", 1, Consent.UNSUBSCRIBED);
        for (long s : List.of(neverAsked, awaiting, unsubscribed)) {
            data.action(s, campaignA, "LETTER");
        }
    }

    private long count(Audience audience) {
        return reminders.countAudience(audience);
    }

    private List<Long> members(Audience audience) {
        var where = jdbc.queryForList("select id from supporter where email like '%@reminders.test' order by id",
                Long.class);
        long reminderId = jdbc.queryForObject(
                """
                        insert into reminder (subject, body_html, body_text, audience, created_by) values ('s', '<p>b</p>', 'b', 'ALL', 't')
                        returning id""",
                Long.class);
        audiences.materialise(reminderId, audience);
        List<Long> result = jdbc.queryForList(
                "select supporter_id from reminder_delivery where reminder_id = ? order by supporter_id", Long.class,
                reminderId);
        assertThat(where).containsAll(result);
        return result;
    }

    @Test
    void allConfirmedSubscribersLeavesOutTheUnconfirmedTheUnsubscribedAndThoseNeverAsked() {
        assertThat(members(Audience.all())).containsExactly(vtWriter, vtCaller, vtSignupOnly, me1SignupOnly,
                me2WriterCaller);
        assertThat(count(Audience.all())).isEqualTo(5);
    }

    @Test
    void byCampaignMeansTookAnyActionInThatCampaign() {
        Audience a = new Audience(AudienceRule.CAMPAIGN, campaignA, null, null, null, null, null);
        assertThat(members(a)).containsExactly(vtWriter, vtSignupOnly, me2WriterCaller);
        assertThat(count(new Audience(AudienceRule.CAMPAIGN, campaignB, null, null, null, null, null))).isEqualTo(2);
    }

    @Test
    void byStateAndByDistrict() {
        assertThat(members(new Audience(AudienceRule.STATE, null, "ME", null, null, null, null)))
            .containsExactly(me1SignupOnly, me2WriterCaller);
        assertThat(members(new Audience(AudienceRule.STATE, null, "ME", 1, null, null, null)))
            .containsExactly(me1SignupOnly);
        assertThat(count(new Audience(AudienceRule.STATE, null, "VT", 0, null, null, null))).isEqualTo(3);
    }

    @Test
    void signedUpButTookNoActionAnywhereOrInOneCampaign() {
        assertThat(members(new Audience(AudienceRule.SIGNED_UP_NO_ACTION, null, null, null, null, null, null)))
            .containsExactly(vtSignupOnly, me1SignupOnly);
        // In campaign A: the letter writers acted there; the others took no action in it
        // but signing up, or none.
        assertThat(members(new Audience(AudienceRule.SIGNED_UP_NO_ACTION, campaignA, null, null, null, null, null)))
            .containsExactly(vtCaller, vtSignupOnly, me1SignupOnly);
    }

    @Test
    void tookOneActionButNotAnother() {
        assertThat(members(new Audience(AudienceRule.TOOK_ACTION_NOT_OTHER, null, null, null, ActionType.LETTER,
                ActionType.CALL, null)))
            .containsExactly(vtWriter);
        assertThat(members(new Audience(AudienceRule.TOOK_ACTION_NOT_OTHER, null, null, null, ActionType.CALL,
                ActionType.LETTER, null)))
            .containsExactly(vtCaller);
        assertThat(members(new Audience(AudienceRule.TOOK_ACTION_NOT_OTHER, campaignB, null, null, ActionType.SIGNUP,
                ActionType.CALL, null)))
            .containsExactly(me1SignupOnly);
    }

    @Test
    void supportersWhoseSenatorsHaveNotCosponsoredTheBill() {
        long bill = data.bill(9101);
        data.cosponsor(bill, "S000033");
        data.cosponsor(bill, "W000800");
        data.cosponsor(bill, "C001035");
        // Both Vermont senators cosponsored; Maine's junior senator did not.
        assertThat(members(new Audience(AudienceRule.SENATORS_NOT_COSPONSORS, null, null, null, null, null, bill)))
            .containsExactly(me1SignupOnly, me2WriterCaller);
        data.cosponsor(bill, "K000383");
        assertThat(count(new Audience(AudienceRule.SENATORS_NOT_COSPONSORS, null, null, null, null, null, bill)))
            .isZero();
    }

    @Test
    void aRuleWithoutItsParameterIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> new Audience(AudienceRule.CAMPAIGN, null, null, null, null, null, null))
            .isInstanceOf(InvalidReminderException.class)
            .hasMessage("Choose a campaign.");
        assertThatThrownBy(() -> new Audience(AudienceRule.TOOK_ACTION_NOT_OTHER, null, null, null, ActionType.CALL,
                ActionType.CALL, null))
            .hasMessageContaining("must differ");
    }

    @Test
    @WithMockUser(roles = "VIEWER")
    void viewersCannotCountAudiences() {
        assertThatThrownBy(() -> count(Audience.all())).isInstanceOf(AccessDeniedException.class);
    }

}
