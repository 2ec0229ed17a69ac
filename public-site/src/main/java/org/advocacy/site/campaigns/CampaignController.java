package org.advocacy.site.campaigns;

import org.advocacy.campaigns.CampaignService;
import org.advocacy.campaigns.ToolkitResource;
import org.advocacy.shared.PublicUrls;
import org.advocacy.site.caching.SameForEveryone;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The list of live campaigns, each campaign's information centre, its toolkit pages and
 * the privacy page.
 */
@Controller
class CampaignController {

    private final CampaignService campaigns;

    private final CampaignPageCache cache;

    private final PublicUrls urls;

    CampaignController(CampaignService campaigns, CampaignPageCache cache, PublicUrls urls) {
        this.campaigns = campaigns;
        this.cache = cache;
        this.urls = urls;
    }

    @SameForEveryone
    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("campaigns", campaigns.liveCampaigns());
        return "campaigns/list";
    }

    @SameForEveryone
    @GetMapping("/campaigns/{slug}")
    String campaign(@PathVariable String slug, Model model) {
        CampaignPage page = page(slug);
        model.addAttribute("page", page);
        model.addAttribute("campaign", page.campaign());
        model.addAttribute("bill", page.bill());
        model.addAttribute("templates", page.templates());
        model.addAttribute("stories", page.stories());
        model.addAttribute("toolkit", page.toolkit());
        model.addAttribute("shareLinks", ShareLink.forCampaign(page.campaign().getTitle(), urls.campaign(slug)));
        return "campaigns/show";
    }

    @SameForEveryone
    @GetMapping("/campaigns/{slug}/toolkit/{id:\\d+}")
    String resource(@PathVariable String slug, @PathVariable long id, Model model) {
        CampaignPage page = page(slug);
        ToolkitResource resource = page.toolkit()
            .stream()
            .filter(r -> r.getId() == id)
            .findFirst()
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("campaign", page.campaign());
        model.addAttribute("resource", resource);
        return "campaigns/resource";
    }

    /**
     * Where a submission lands when it was accepted without being recorded (and for
     * bots).
     */
    @GetMapping("/campaigns/{slug}/thanks")
    String thanks(@PathVariable String slug, Model model) {
        model.addAttribute("campaign", page(slug).campaign());
        return "campaigns/thanks";
    }

    @SameForEveryone
    @GetMapping("/privacy")
    String privacy() {
        return "privacy";
    }

    private CampaignPage page(String slug) {
        return cache.page(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

}
