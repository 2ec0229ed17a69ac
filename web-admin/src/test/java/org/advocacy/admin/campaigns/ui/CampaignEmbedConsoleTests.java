package org.advocacy.admin.campaigns.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignDetails;
import org.advocacy.campaigns.CampaignService;
import org.advocacy.campaigns.CampaignStatus;
import org.advocacy.campaigns.TargetMode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/** The campaign's Embed page: the partner allow-list, the embed code and its options. */
@SpringBootTest
@WithMockUser(username = "organizer@example.org", roles = "ORGANIZER")
class CampaignEmbedConsoleTests extends SpringBrowserlessTest {

    @Autowired
    CampaignService campaigns;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void staffAllowPartnerSitesWhichAreStoredAsOrigins() {
        Campaign campaign = live();
        UI.getCurrent().navigate("campaigns/embed/" + campaign.getId());

        test($(TextArea.class).id("embed-origins")).setValue("https://News.Example/\n\n  http://127.0.0.2:8080 ");
        test($(Button.class).withText("Save allowed sites").single()).click();

        assertThat(jdbc.queryForList("select origin from campaign_embed_origin where campaign_id = ? order by origin",
                String.class, campaign.getId()))
            .containsExactly("http://127.0.0.2:8080", "https://news.example");
        assertThat($(TextArea.class).id("embed-origins").getValue())
            .isEqualTo("https://news.example\nhttp://127.0.0.2:8080");
    }

    @Test
    void aWildcardOrAPathIsRefusedWithAClearMessageAndNothingIsSaved() {
        Campaign campaign = live();
        UI.getCurrent().navigate("campaigns/embed/" + campaign.getId());

        test($(TextArea.class).id("embed-origins")).setValue("https://news.example\nhttps://*.example.org");
        test($(Button.class).withText("Save allowed sites").single()).click();
        assertThat($(Notification.class).all()).anySatisfy(n -> assertThat(test(n).getText())
            .startsWith("\"https://*.example.org\" is not a site address like https://news.example")
            .endsWith("Nothing was saved."));

        test($(TextArea.class).id("embed-origins")).setValue("https://news.example/article/1");
        test($(Button.class).withText("Save allowed sites").single()).click();
        assertThat(jdbc.queryForObject("select count(*) from campaign_embed_origin where campaign_id = ?",
                Integer.class, campaign.getId()))
            .isZero();
    }

    @Test
    void theEmbedCodeFollowsTheChosenOptions() {
        Campaign campaign = live();
        UI.getCurrent().navigate("campaigns/embed/" + campaign.getId());
        String code = $(TextArea.class).id("embed-code").getValue();
        assertThat(code).contains("class=\"advocacy-action\"", "data-campaign=\"" + campaign.getSlug() + "\"",
                "data-actions=\"letter,call\"", "href=\"", "/campaigns/" + campaign.getSlug() + "\"",
                "/embed.js\" defer></script>");

        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> language = $(RadioButtonGroup.class).withLabel("Language").single();
        test(language).selectItem("Spanish");
        test($(TextField.class).withLabel("Button text (optional)").single()).setValue("Write \"now\" <b>");
        code = $(TextArea.class).id("embed-code").getValue();
        assertThat(code).contains("data-language=\"es\"", "data-button=\"Write &quot;now&quot; &lt;b&gt;\"", "Actúe: ");
    }

    private Campaign live() {
        String slug = "embed-" + ThreadLocalRandom.current().nextInt(10_000_000);
        return campaigns.create(new CampaignDetails(slug, "Embed Example Act " + slug, null, "<p>Explainer</p>", null,
                CampaignStatus.DRAFT, null, true, true, true, true, true, TargetMode.ALL, Set.of(), Set.of(),
                List.of()));
    }

}
