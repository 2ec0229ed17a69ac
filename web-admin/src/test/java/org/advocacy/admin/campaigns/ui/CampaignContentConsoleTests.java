package org.advocacy.admin.campaigns.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.advocacy.bills.BillStage;
import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignDetails;
import org.advocacy.campaigns.CampaignSections;
import org.advocacy.campaigns.CampaignService;
import org.advocacy.campaigns.CampaignStatus;
import org.advocacy.campaigns.TargetMode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The campaign editor: page-section headings in two languages, and templates with unknown
 * placeholders refused.
 */
@SpringBootTest
@WithMockUser(username = "organizer@example.org", roles = "ORGANIZER")
class CampaignContentConsoleTests extends SpringBrowserlessTest {

    @Autowired
    CampaignService campaigns;

    @Test
    void staffSetTheSectionHeadingsInEnglishAndSpanishAndTurnOnStories() {
        Campaign campaign = draft();
        UI.getCurrent().navigate("campaigns/edit/" + campaign.getId());

        test($(TextField.class).id("why-heading-en")).setValue("Why S. 1234 matters");
        test($(TextField.class).id("why-heading-es")).setValue("Por qué importa S. 1234");
        test($(Checkbox.class).id("stories-shown")).click();
        test($(TextField.class).id("stories-heading-en")).setValue("Voices");
        test($(TextField.class).id("stories-heading-es")).setValue("Voces");
        test($(Button.class).withText("Save campaign").single()).click();

        assertThat(campaigns.find(campaign.getId()).orElseThrow().getSections())
            .isEqualTo(new CampaignSections("Why S. 1234 matters", "Por qué importa S. 1234", true, "Voices", "Voces"));
    }

    @Test
    void aHeadingInOneLanguageOnlyIsRefusedWithAClearMessage() {
        Campaign campaign = draft();
        UI.getCurrent().navigate("campaigns/edit/" + campaign.getId());

        test($(TextField.class).id("why-heading-en")).setValue("Why S. 1234 matters");
        test($(Button.class).withText("Save campaign").single()).click();

        assertThat($(Notification.class).all()).anySatisfy(n -> assertThat(test(n).getText())
            .isEqualTo("Give the \"why it matters\" heading in both English and Spanish, or leave both empty to "
                    + "use the general heading."));
        assertThat(campaigns.find(campaign.getId()).orElseThrow().getSections()).isEqualTo(CampaignSections.GENERAL);
    }

    @Test
    void anUnknownPlaceholderIsMarkedOnTheFieldAndSavingIsRefusedWithTheValidPlaceholders() {
        Campaign campaign = draft();
        UI.getCurrent().navigate("campaigns/edit/" + campaign.getId());
        fillTemplates("Hello {{unknown.placeholder}}");
        TextArea script = $(TextArea.class).id("template-call-script");

        assertThat(script.isInvalid()).isTrue();
        assertThat(script.getErrorMessage()).startsWith("Unknown placeholder: {{unknown.placeholder}}.");
        test($(Button.class).id("templates-save")).click();

        assertThat($(Notification.class).all()).anySatisfy(n -> assertThat(test(n).getText())
            .startsWith("Unknown placeholder: the call script uses {{unknown.placeholder}}. Use only these "
                    + "placeholders: {{legislator.title}}, {{legislator.name}}")
            .endsWith("Nothing was saved."));
        assertThat(campaigns.find(campaign.getId()).orElseThrow().getTemplateSets()).isEmpty();

        test(script).setValue("Hello from {{supporter.place}}");
        assertThat(script.isInvalid()).isFalse();
    }

    @Test
    void savingTemplatesThenTheDetailsSavesBothWithoutAStaleVersionRefusal() {
        Campaign campaign = draft();
        UI.getCurrent().navigate("campaigns/edit/" + campaign.getId());
        fillTemplates("Hello");
        test($(Button.class).id("templates-save")).click();
        $(TabSheet.class).single().setSelectedIndex(0);

        test($(TextField.class).id("campaign-title")).setValue("Renamed " + campaign.getTitle());
        test($(Button.class).withText("Save campaign").single()).click();

        assertThat($(Notification.class).all())
            .noneSatisfy(n -> assertThat(test(n).getText()).contains("Someone else"));
        Campaign saved = campaigns.find(campaign.getId()).orElseThrow();
        assertThat(saved.getTitle()).isEqualTo("Renamed " + campaign.getTitle());
        assertThat(saved.getTemplateSets()).containsOnlyKeys(BillStage.INTRODUCED);
        assertThat($(H1.class).single().getText()).isEqualTo(saved.getTitle());
    }

    /**
     * Opens the templates tab and fills in the current stage's set, with the call script
     * given.
     */
    private void fillTemplates(String callScript) {
        $(TabSheet.class).single().setSelectedIndex(1);
        test($(TextArea.class).withLabel("Call to action").single()).setValue("Ask them");
        test($(TextField.class).withLabel("Letter subject").single()).setValue("Support {{bill.number}}");
        test($(TextArea.class).withLabel("Letter").single()).setValue("Dear {{legislator.title}}");
        test($(TextArea.class).id("template-call-script")).setValue(callScript);
        test($(TextArea.class).withLabel("Meeting request").single()).setValue("Meet");
    }

    private Campaign draft() {
        String slug = "content-" + ThreadLocalRandom.current().nextInt(10_000_000);
        return campaigns.create(new CampaignDetails(slug, "S. 1234 Example Act " + slug, null, "<p>Explainer</p>", null,
                CampaignStatus.DRAFT, null, true, true, true, true, true, TargetMode.ALL, Set.of(), Set.of(),
                List.of()));
    }

}
