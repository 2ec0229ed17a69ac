package org.advocacy.site.embed;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignService;
import org.advocacy.site.caching.SameForEveryone;
import org.advocacy.supporters.ActionCount;
import org.advocacy.supporters.SupporterService;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/v1/campaigns/{slug}/counts}: a public campaign's action totals, for
 * partners to show on their own pages. Open to every origin (totals only, no
 * credentials), cached for a minute by browsers and by the site's response cache.
 */
@RestController
class CampaignCountsApiController {

    private static final CacheControl CACHING = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();

    private final CampaignService campaigns;

    private final SupporterService supporters;

    CampaignCountsApiController(CampaignService campaigns, SupporterService supporters) {
        this.campaigns = campaigns;
        this.supporters = supporters;
    }

    record CountsJson(String campaign, String title, long total, @Nullable Integer goal, Map<String, Long> byType) {
    }

    @GetMapping(value = "/api/v1/campaigns/{slug}/counts", produces = "application/json")
    @SameForEveryone
    ResponseEntity<CountsJson> counts(@PathVariable String slug) {
        Campaign campaign = campaigns.findPublic(slug)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, Long> byType = new LinkedHashMap<>();
        long total = 0;
        for (ActionCount count : supporters.countActionsByType(campaign.getId())) {
            byType.put(count.type().name(), count.count());
            total += count.count();
        }
        return ResponseEntity.ok()
            .cacheControl(CACHING)
            // Set here rather than by Spring's CORS support, so that a stored answer
            // replays it for every origin.
            .header("Access-Control-Allow-Origin", "*")
            .body(new CountsJson(campaign.getSlug(), campaign.getTitle(), total, campaign.getGoal(), byType));
    }

}
