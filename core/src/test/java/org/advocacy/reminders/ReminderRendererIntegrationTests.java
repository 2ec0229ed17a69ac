package org.advocacy.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.advocacy.testsupport.ReminderTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

@SpringBootTest
class ReminderRendererIntegrationTests {

    @Autowired
    ReminderRenderer renderer;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        new ReminderTestData(jdbc).legislators();
    }

    @Test
    void namesTheSupportersOwnMembersWithTheirPhoneNumbers() {
        RenderedEmail email = renderer.render("{{supporter.firstName}}, call today",
                "<p>Call {{representative.name}} at {{representative.phone}}. Senators: {{senators}}.</p>",
                "Call {{representative.name}} at {{representative.phone}}. Senators: {{senators}}.",
                new Recipient(1, "ana@reminders.test", "Ana Lopez", "VT", 0, "tok123"));

        assertThat(email.subject()).isEqualTo("Ana, call today");
        assertThat(email.text()).contains("Call Rep. Becca Balint at 202-225-4115.")
            .contains("Senators: Sen. Bernard Sanders (202-224-5141) and Sen. Peter Welch (202-224-4242).")
            .contains("Unsubscribe from all emails: http://localhost:8080/unsubscribe/tok123");
        assertThat(email.html()).contains("Rep. Becca Balint")
            .contains("href=\"http://localhost:8080/unsubscribe/tok123\"");
        assertThat(email.unsubscribeUrl()).isEqualTo("http://localhost:8080/unsubscribe/tok123");
    }

    @Test
    void aSupporterWithoutAKnownSeatGetsTheCapitolSwitchboard() {
        RenderedEmail email = renderer.render("s", "<p>{{representative.name}} {{representative.phone}}</p>",
                "{{representative.name}} {{representative.phone}} / {{senators}}",
                new Recipient(1, "ana@reminders.test", "Ana", null, null, "tok"));

        assertThat(email.text())
            .startsWith("your member of the House (202) 224-3121 / your senators (Capitol switchboard (202) 224-3121)");
    }

    @Test
    void valuesAreEscapedAndTheTemplateHtmlIsSanitised() {
        RenderedEmail email = renderer.render("Hi {{supporter.name}}",
                "<p onclick=\"steal()\">Hi {{supporter.name}}</p><script>alert(1)</script><a href=\"javascript:alert(2)\">x</a>",
                "Hi {{supporter.name}}",
                new Recipient(1, "ana@reminders.test", "<img src=x onerror=alert(3)>", "VT", 0, "tok"));

        assertThat(email.html()).doesNotContain("<script", "onclick", "javascript:", "<img")
            .contains("Hi &lt;img src&#61;x onerror&#61;alert(3)&gt;");
        // The plain-text part is not HTML: the name appears as typed.
        assertThat(email.text()).startsWith("Hi <img src=x onerror=alert(3)>");
    }

    @Test
    void aPreparedReminderRendersTheSameEmailAsRenderingItWhole() {
        String subject = "{{supporter.firstName}}, call {{representative.name}}";
        String html = "<p>Hello {{supporter.name}},</p><p>Call {{representative.name}} at {{representative.phone}}"
                + " and {{senators}}.</p><p><a href=\"{{unsubscribe.url}}\">Stop</a> {{unknown.one}}</p>";
        String text = "Hello {{supporter.name}}, call {{senators}}. {{unsubscribe.url}}";
        PreparedReminder prepared = renderer.prepare(subject, html, text);

        for (Recipient recipient : List.of(new Recipient(1, "ana@reminders.test", "Ana Lopez", "VT", 0, "tok-123_A"),
                new Recipient(2, "bo@reminders.test", "Bo \"The\" O'Neil & <b>Co</b> a=b+c@d", null, null, "tok"),
                // Not a plain token in the links: that email's HTML is sanitised whole.
                new Recipient(3, "cy@reminders.test", "  ", "VT", 0, "tok/with?odd=chars"))) {
            assertThat(renderer.render(prepared, recipient)).isEqualTo(renderer.render(subject, html, text, recipient));
        }
    }

    @Test
    void aPreparedReminderLetsNoValueIntoMarkupOrLinks() {
        String html = "<p><a href=\"{{supporter.firstName}}\">x</a></p><{{supporter.firstName}}>y";
        PreparedReminder prepared = renderer.prepare("s", html, "t");

        for (String name : List.of("javascript:alert(1)", "b", "<script>alert(2)</script>")) {
            Recipient recipient = new Recipient(1, "ana@reminders.test", name, "VT", 0, "tok");
            RenderedEmail email = renderer.render(prepared, recipient);
            assertThat(email).isEqualTo(renderer.render("s", html, "t", recipient));
            assertThat(email.html()).doesNotContain("javascript:", "<script");
        }
    }

    @Test
    void unknownPlaceholdersAreReported() {
        assertThat(ReminderRenderer.unknownPlaceholders("{{supporter.name}} {{legislator.name}} {{ senators }}"))
            .containsExactly("legislator.name");
    }

    @Test
    void aReminderWrittenTheOldWayIsRefusedWithTheSpellingToUse() {
        assertThatThrownBy(() -> ReminderService.validate(new ReminderDraft("Hi {{ supporter.first_name }}",
                "<p>Hi</p>", "Hi {{supporter.nickname}}", Audience.all())))
            .isInstanceOf(InvalidReminderException.class)
            .hasMessageStartingWith(
                    "Unknown placeholder: {{supporter.first_name}} (now written {{supporter.firstName}}). "
                            + "Use one of: ");
        assertThatThrownBy(() -> ReminderService
            .validate(new ReminderDraft("Hi", "<p>Hi</p>", "Hi {{supporter.nickname}}", Audience.all())))
            .hasMessageStartingWith("Unknown placeholder: {{supporter.nickname}}. Use one of: ");
    }

    @Test
    void theMigrationRewritesStoredRemindersToTheOneSyntax() {
        long id = jdbc.queryForObject("""
                insert into reminder (subject, body_html, body_text, audience, created_by)
                values ('{{supporter.first_name}}, call', '<p>Hi {{ supporter.first_name }}, {{senators}}</p>',
                        'Hi {{supporter.first_name}} and {{supporter.name}}', 'ALL', 't')
                returning id""", Long.class);
        try {
            new ResourceDatabasePopulator(new ClassPathResource("db/migration/V140__one_placeholder_syntax.sql"))
                .execute(jdbc.getDataSource());
            assertThat(jdbc.queryForMap("select subject, body_html, body_text from reminder where id = ?", id))
                .containsEntry("subject", "{{supporter.firstName}}, call")
                .containsEntry("body_html", "<p>Hi {{supporter.firstName}}, {{senators}}</p>")
                .containsEntry("body_text", "Hi {{supporter.firstName}} and {{supporter.name}}");
            RenderedEmail email = renderer.render(
                    jdbc.queryForObject("select subject from reminder where id = ?", String.class, id), "<p>x</p>", "x",
                    new Recipient(1, "ana@reminders.test", "Ana Lopez", "VT", 0, "t"));
            assertThat(email.subject()).isEqualTo("Ana, call");
        }
        finally {
            jdbc.update("delete from reminder where id = ?", id);
        }
    }

}
