package org.advocacy.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.persistence.EntityManager;

import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignDetails;
import org.advocacy.campaigns.CampaignService;
import org.advocacy.campaigns.CampaignStatus;
import org.advocacy.campaigns.TargetMode;
import org.advocacy.stories.StoryService;
import org.advocacy.supporters.ActionType;
import org.advocacy.supporters.MeetingStatus;
import org.advocacy.testsupport.ConsoleTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;

/**
 * What staff do in the console, end to end through the views and services, against
 * PostgreSQL.
 */
@SpringBootTest
@WithMockUser(username = "organizer@example.org", roles = "ORGANIZER")
class ConsoleWorkflowTests extends SpringBrowserlessTest {

    @Autowired
    CampaignService campaigns;

    @Autowired
    StoryService stories;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    EntityManager entityManager;

    ConsoleTestData data;

    @BeforeEach
    void setUp() {
        data = new ConsoleTestData(jdbc, transaction, entityManager);
        data.insertLegislators();
    }

    @Test
    void anEditInTheCampaignEditorIsWhatThePublicReadSeesAtOnce() {
        Campaign campaign = liveCampaign();
        UI.getCurrent().navigate("campaigns/edit/" + campaign.getId());

        test($(TextField.class).withLabel("Title").single()).setValue("Edited in the console");
        test($(TextArea.class).withLabel("Explainer (Markdown)").single())
            .setValue("Clear *records*\n\n<img src=x onerror=alert(1)>");
        test($(Button.class).withText("Save campaign").single()).click();

        Campaign seen = campaigns.findPublic(campaign.getSlug()).orElseThrow();
        assertThat(seen.getTitle()).isEqualTo("Edited in the console");
        assertThat(seen.getExplainer()).contains("<p>Clear <em>records</em></p>").doesNotContain("<img");
        assertThat(
                jdbc.queryForObject(
                        "select after_state->>'title' from audit_event where action = 'campaign.update' "
                                + "and entity_id = ? order by id desc limit 1",
                        String.class, campaign.getId().toString()))
            .isEqualTo("Edited in the console");
    }

    @Test
    void anInvalidWebAddressIsRefusedWithAClearMessageAndNothingIsSaved() {
        Campaign campaign = liveCampaign();
        UI.getCurrent().navigate("campaigns/edit/" + campaign.getId());

        test($(TextField.class).withLabel("Web address name").single()).setValue("Not A Slug!");
        test($(TextField.class).withLabel("Title").single()).setValue("Should not be saved");
        test($(Button.class).withText("Save campaign").single()).click();

        assertThat($(Notification.class).all()).anySatisfy(
                n -> assertThat(test(n).getText()).contains("Use lower-case letters, digits and single hyphens"));
        assertThat(campaigns.find(campaign.getId()).orElseThrow().getTitle()).isEqualTo(campaign.getTitle());
    }

    @Test
    void erasingASupporterFromTheirPageAsksFirstThenKeepsTheirActionsAnonymously() {
        long supporter = data.supporter("Erase me " + UUID.randomUUID(), "AL", 4);
        long action = data.action(supporter, data.testCampaignId(), ActionType.CALL, ConsoleTestData.ADERHOLT, "AL", 4,
                Instant.now());
        UI.getCurrent().navigate("supporters/view/" + supporter);

        test($(Button.class).withText("Erase this supporter").single()).click();
        assertThat(jdbc.queryForObject("select count(*) from supporter where id = ?", Integer.class, supporter))
            .isEqualTo(1);
        test($(ConfirmDialog.class).single()).confirm();

        assertThat(jdbc.queryForObject("select count(*) from supporter where id = ?", Integer.class, supporter))
            .isZero();
        assertThat(jdbc.queryForMap("select supporter_id, action_type from supporter_action where id = ?", action))
            .containsEntry("supporter_id", null)
            .containsEntry("action_type", "CALL");
        assertThat(jdbc.queryForObject(
                "select count(*) from audit_event where action = 'supporter.erase' and entity_id = ?", Integer.class,
                String.valueOf(supporter)))
            .isEqualTo(1);
    }

    @Test
    void aModeratorRedactsAndPublishesAStoryFromTheQueue() {
        long story = data.submittedStory(data.testCampaignId(), "Leaving Reno", "I left Reno in 2019.", "R.");
        UI.getCurrent().navigate("stories", QueryParameters.simple(Map.of("id", String.valueOf(story))));

        assertThat($(Grid.class).all()).isNotEmpty();
        test($(TextField.class).withLabel("Redact everywhere").single()).setValue("Reno");
        test($(Button.class).withText("Redact").single()).click();
        test($(Button.class).withText("Publish").single()).click();

        assertThat(stories.findPublished(story)).hasValueSatisfying(published -> {
            assertThat(published.getTitle()).isEqualTo("Leaving [redacted]");
            assertThat(published.getBody()).isEqualTo("I left [redacted] in 2019.");
        });
    }

    @Test
    void aWithdrawnStoryShowsAsWithdrawnAndOffersNoWayToPublishIt() {
        long story = data.submittedStory(data.testCampaignId(), "Withdrawn in the queue", "Text.", "W.");
        data.withdrawStory(story);
        UI.getCurrent().navigate("stories", QueryParameters.simple(Map.of("id", String.valueOf(story))));

        assertThat($(Paragraph.class).withTextContaining("cannot be published again").exists()).isTrue();
        assertThat($(Button.class).withText("Publish").exists()).isFalse();
        assertThat($(Button.class).withText("Remove story").exists()).isTrue();
    }

    @Test
    void aMeetingRequestGetsAStatusNotesAndAFollowUpDate() {
        long request = data.meetingRequest(null, data.testCampaignId(), ConsoleTestData.BILIRAKIS, "Morgan");
        LocalDate followUp = LocalDate.now().plusDays(7);
        UI.getCurrent().navigate("meetings", QueryParameters.simple(Map.of("id", String.valueOf(request))));

        @SuppressWarnings("unchecked")
        Select<MeetingStatus> status = $(Select.class).withLabel("Status").single();
        test(status).selectItem("DECLINED");
        test($(DatePicker.class).withLabel("Follow up on").single()).setValue(followUp);
        test($(TextArea.class).withLabel("Notes").single()).setValue("Office declined; try the district office");
        test($(Button.class).withText("Save follow-up").single()).click();

        assertThat(jdbc.queryForMap("select status, notes, follow_up_on from meeting_request where id = ?", request))
            .containsEntry("status", "DECLINED")
            .containsEntry("notes", "Office declined; try the district office")
            .containsEntry("follow_up_on", Date.valueOf(followUp));
    }

    @Test
    void theDashboardDrawsItsChartsAsSvgWithTablesBesideThem() {
        long supporter = data.supporter("Chart " + UUID.randomUUID(), "WA", null);
        data.action(supporter, data.testCampaignId(), ActionType.LETTER, ConsoleTestData.CANTWELL, "WA", null,
                Instant.now());
        UI.getCurrent().navigate("");

        List<Svg> charts = $(Svg.class).all();
        assertThat(charts).hasSizeGreaterThanOrEqualTo(3);
        assertThat(charts).anySatisfy(svg -> assertThat(svg.getElement().getProperty("innerHTML", ""))
            .contains("aria-label='Actions by state (tile map)'")
            .contains("<title>WA: "));
        assertThat($(Details.class).all()).extracting(d -> d.getSummaryText())
            .contains("Actions per day as a table", "Actions by type as a table", "Actions by state as a table");
    }

    @Test
    @WithMockUser(username = "admin@example.org", roles = "ADMIN")
    void anAdminCreatesAStaffUserAndAWeakPasswordIsRefused() {
        UI.getCurrent().navigate("staff");
        String email = "new-" + UUID.randomUUID() + "@example.org";

        test($(Button.class).withText("New staff user").single()).click();
        test($(EmailField.class).withLabel("Email").single()).setValue(email);
        test($(TextField.class).withLabel("Name").single()).setValue("New Organizer");
        test($(PasswordField.class).withLabel("Initial password").single()).setValue("password1234");
        test($(Button.class).withText("Create").single()).click();
        assertThat(jdbc.queryForObject("select count(*) from staff_user where email = ?", Integer.class, email))
            .isZero();

        test($(PasswordField.class).withLabel("Initial password").single()).setValue("a much better passphrase");
        test($(Button.class).withText("Create").single()).click();

        assertThat(jdbc.queryForObject("select role from staff_user where email = ?", String.class, email))
            .isEqualTo("VIEWER");
        assertThat(jdbc.queryForObject(
                "select actor from audit_event where action = 'staff.create' " + "and after_state->>'email' = ?",
                String.class, email))
            .isEqualTo("admin@example.org");
    }

    Campaign liveCampaign() {
        long bill = jdbc.queryForObject("select bill_id from campaign_bill where campaign_id = ? limit 1", Long.class,
                data.tsraCampaignId());
        String slug = "console-" + ThreadLocalRandom.current().nextInt(10_000_000);
        return campaigns
            .create(new CampaignDetails(slug, "Console " + slug, null, "<p>Explainer</p>", null, CampaignStatus.LIVE,
                    50, true, true, true, true, true, TargetMode.ALL, Set.of(), Set.of(bill), List.of()));
    }

}
