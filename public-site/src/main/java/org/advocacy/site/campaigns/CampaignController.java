package org.advocacy.site.campaigns;

import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignService;
import org.advocacy.stories.StoryService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The list of live campaigns and each campaign's information centre. */
@Controller
class CampaignController {

    private final CampaignService campaigns;
    private final StoryService stories;

    CampaignController(CampaignService campaigns, StoryService stories) {
        this.campaigns = campaigns;
        this.stories = stories;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("campaigns", campaigns.liveCampaigns());
        return "campaigns/list";
    }

    @GetMapping("/campaigns/{slug}")
    String campaign(@PathVariable String slug, Model model) {
        Campaign campaign = campaigns.findPublic(slug)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var bills = campaigns.bills(campaign);
        model.addAttribute("campaign", campaign);
        model.addAttribute("bills", bills);
        model.addAttribute("bill", bills.isEmpty() ? null : bills.getFirst());
        model.addAttribute("stage", campaigns.currentStage(campaign));
        model.addAttribute("templates", campaigns.currentTemplates(campaign).orElse(null));
        model.addAttribute("stories", stories.published(campaign.getId()));
        model.addAttribute("toolkit", campaigns.toolkit(campaign));
        return "campaigns/show";
    }
}
