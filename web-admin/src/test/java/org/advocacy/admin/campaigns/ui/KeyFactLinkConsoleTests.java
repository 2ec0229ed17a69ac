package org.advocacy.admin.campaigns.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignDetails;
import org.advocacy.campaigns.CampaignService;
import org.advocacy.campaigns.CampaignStatus;
import org.advocacy.campaigns.KeyFact;
import org.advocacy.campaigns.TargetMode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The campaign editor shows the service's refusal of a key-fact source link that is not a
 * web link.
 */
@SpringBootTest
@WithMockUser(username = "organizer@example.org", roles = "ORGANIZER")
class KeyFactLinkConsoleTests extends SpringBrowserlessTest {

    @Autowired
    CampaignService campaigns;

    @Test
    void aJavascriptSourceLinkIsRefusedWithAClearMessageAndNothingIsSaved() {
        String slug = "fact-link-" + ThreadLocalRandom.current().nextInt(10_000_000);
        Campaign campaign = campaigns.create(new CampaignDetails(slug, "Fact link " + slug, null, "<p>Explainer</p>",
                null, CampaignStatus.DRAFT, null, true, false, false, true, false, TargetMode.ALL, Set.of(), Set.of(),
                List.of(new KeyFact("1 in 4 survivors", "A report", "https://example.org/report", null))));
        UI.getCurrent().navigate("campaigns/edit/" + campaign.getId());

        test($(TextField.class).withLabel("Source link").single()).setValue("javascript:alert(document.cookie)");
        test($(Button.class).withText("Save campaign").single()).click();

        assertThat($(Notification.class).all())
            .anySatisfy(n -> assertThat(test(n).getText()).contains("source link of key fact 1")
                .contains("http:// or https://"));
        assertThat(campaigns.find(campaign.getId()).orElseThrow().getKeyFacts()).extracting(KeyFact::sourceUrl)
            .containsExactly("https://example.org/report");
    }

}
