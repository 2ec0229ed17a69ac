package org.advocacy.admin.reminders.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.advocacy.testsupport.SharedSmtp;
import org.advocacy.legislators.UsState;
import org.advocacy.reminders.AudienceRule;
import org.advocacy.testsupport.ReminderTestData;
import org.advocacy.testsupport.ReminderTestData.Consent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.notification.Notification;

/**
 * The composer, driven server-side: audience count, sample for a real supporter, test
 * send, saving.
 */
@SpringBootTest
@WithMockUser(username = "organizer@advocacy.test", roles = "ORGANIZER")
class ReminderComposerViewTests extends SpringBrowserlessTest {

    @RegisterExtension
    static final SharedSmtp smtp = new SharedSmtp();

    @Autowired
    JdbcTemplate jdbc;

    ReminderTestData data;

    @BeforeEach
    void setUp() {
        data = new ReminderTestData(jdbc);
        data.clean();
        data.legislators();
        data.supporter("vt-one", "Val One", "VT", 0, Consent.CONFIRMED);
        data.supporter("vt-two", "Vic Two", "VT", 0, Consent.CONFIRMED);
        data.supporter("me-one", "Max One", "ME", 1, Consent.CONFIRMED);
        data.supporter("vt-gone", "Vi Gone", "VT", 0, Consent.UNSUBSCRIBED);
    }

    // The view is a Spring Security proxy (@RolesAllowed), so the test finds its
    // components in the UI tree.
    private TextField subject() {
        return find(TextField.class).withLabel("Subject").single();
    }

    private TextArea area(String label) {
        return find(TextArea.class).withLabel(label).single();
    }

    @SuppressWarnings("unchecked")
    private Select<AudienceRule> rule() {
        return find(Select.class).withLabel("Audience").single();
    }

    @SuppressWarnings("unchecked")
    private ComboBox<UsState> stateBox() {
        return find(ComboBox.class).withLabel("State").single();
    }

    private Span audienceCount() {
        return find(Span.class).withId("audience-count").single();
    }

    private Button button(String text) {
        return find(Button.class).withText(text).single();
    }

    private void composeForVermont() {
        navigate(ReminderComposerView.class);
        test(subject()).setValue("Call {{representative.name}}");
        test(area("HTML body")).setValue("<p>Hi {{supporter.firstName}}, call {{representative.phone}}</p>");
        test(area("Plain-text body")).setValue("Hi {{supporter.firstName}}, call {{representative.phone}}");
        rule().setValue(AudienceRule.STATE);
        stateBox().setValue(state("VT"));
    }

    @Test
    void theAudienceCountFollowsTheChosenRuleAndCountsOnlyConfirmedSubscribers() {
        navigate(ReminderComposerView.class);
        assertThat(audienceCount().getText()).isEqualTo(countAll() + " confirmed subscribers in this audience.");

        rule().setValue(AudienceRule.STATE);
        assertThat(stateBox().isVisible()).isTrue();
        assertThat(audienceCount().getText()).isEqualTo("Choose a state.");
        stateBox().setValue(state("ME"));
        assertThat(audienceCount().getText()).isEqualTo("1 confirmed subscriber in this audience.");
        stateBox().setValue(state("VT"));
        assertThat(audienceCount().getText()).isEqualTo("2 confirmed subscribers in this audience.");
    }

    @Test
    void theSampleIsRenderedForARealSupporterAndATestGoesToTheSignedInStaffMember() throws Exception {
        composeForVermont();

        test(button("Show sample")).click();
        assertThat(find(Pre.class).from(find(Div.class).withId("sample").single()).single().getText())
            .startsWith("Hi Val, call 202-225-4115");

        test(button("Send a test to me")).click();
        assertThat(smtp.getReceivedMessages()).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("[Test] Call Rep. Becca Balint");
            assertThat(Arrays.toString(m.getAllRecipients())).contains("organizer@advocacy.test");
            assertThat(GreenMailUtil.getBody(m)).contains("Hi Val, call 202-225-4115");
            assertThat(m.getHeader("List-Unsubscribe")).isNull();
        });
    }

    @Test
    void savingADraftStoresItWithItsAudienceAndAnUnknownPlaceholderIsRefused() {
        composeForVermont();
        test(area("Plain-text body")).setValue("Hi {{supporter.nickname}}");
        test(button("Save draft")).click();
        assertThat(test(find(Notification.class).last()).getText())
            .startsWith("Unknown placeholder: {{supporter.nickname}}");
        assertThat(jdbc.queryForObject("select count(*) from reminder", Integer.class)).isZero();
        test(area("Plain-text body")).setValue("Hi {{supporter.first_name}}");
        test(button("Save draft")).click();
        assertThat(test(find(Notification.class).last()).getText())
            .startsWith("Unknown placeholder: {{supporter.first_name}} (now written {{supporter.firstName}}).");
        assertThat(jdbc.queryForObject("select count(*) from reminder", Integer.class)).isZero();

        test(area("Plain-text body")).setValue("Hi {{supporter.firstName}}");
        test(button("Save draft")).click();

        assertThat(jdbc.queryForMap("select subject, audience, audience_state, status, created_by from reminder"))
            .containsEntry("subject", "Call {{representative.name}}")
            .containsEntry("audience", "STATE")
            .containsEntry("audience_state", "VT")
            .containsEntry("status", "DRAFT")
            .containsEntry("created_by", "organizer@advocacy.test");
    }

    private UsState state(String code) {
        return stateBox().getListDataView().getItems().filter(s -> s.getCode().equals(code)).findFirst().orElseThrow();
    }

    private long countAll() {
        return jdbc.queryForObject(
                """
                        select count(*) from supporter where email_consent and consent_confirmed_at is not null and unsubscribed_at is null""",
                Long.class);
    }

}
