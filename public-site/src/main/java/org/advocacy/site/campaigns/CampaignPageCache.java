package org.advocacy.site.campaigns;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignService;
import org.advocacy.campaigns.CampaignToolkit;
import org.advocacy.shared.CacheNames;
import org.advocacy.shared.PublicContentVersion;
import org.advocacy.stories.StoryConsentWithdrawn;
import org.advocacy.stories.StoryService;
import org.advocacy.supporters.ActionCount;
import org.advocacy.supporters.SupporterService;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the campaign page cheap: its data (campaign, bills, stories, toolkit, totals) is
 * read once and reused ({@link CacheNames#CAMPAIGN_PAGES}). An edit to anything the page
 * shows shows at once, on every instance, because entries are keyed with the
 * {@link PublicContentVersion} they were read at; the time to live
 * ({@code advocacy.site.campaign-cache-ttl}) only bounds how old the action counters can
 * be. A withdrawn story leaves at once too. Concurrent requests for a page being read
 * wait for that one read; a slug that names no campaign is remembered as such, within the
 * cache's bound.
 */
@Component
class CampaignPageCache {

    private final CampaignService campaigns;

    private final CampaignToolkit toolkit;

    private final StoryService stories;

    private final SupporterService supporters;

    private final PublicContentVersion contentVersion;

    private final Cache pages;

    CampaignPageCache(CampaignService campaigns, CampaignToolkit toolkit, StoryService stories,
            SupporterService supporters, PublicContentVersion contentVersion, CacheManager caches) {
        this.contentVersion = contentVersion;
        this.campaigns = campaigns;
        this.toolkit = toolkit;
        this.stories = stories;
        this.supporters = supporters;
        this.pages = Objects.requireNonNull(caches.getCache(CacheNames.CAMPAIGN_PAGES));
    }

    Optional<CampaignPage> page(String slug) {
        return Optional.ofNullable(
                contentVersion.cached(pages, slug, () -> campaigns.findPublic(slug).map(this::load).orElse(null)));
    }

    private CampaignPage load(Campaign campaign) {
        var bills = campaigns.bills(campaign);
        List<ActionCount> counts = supporters.countActionsByType(campaign.getId());
        long total = counts.stream().mapToLong(ActionCount::count).sum();
        var stage = Campaign.currentStage(bills);
        return new CampaignPage(campaign, bills, bills.isEmpty() ? null : bills.getFirst(), stage,
                campaign.templatesFor(stage).orElse(null), stories.published(campaign.getId()),
                toolkit.resources(campaign), counts, total);
    }

    /**
     * A withdrawn story leaves every page on every instance (consent rows are not all
     * written through JPA).
     */
    @TransactionalEventListener(fallbackExecution = true)
    void storyWithdrawn(StoryConsentWithdrawn event) {
        contentVersion.changed();
    }

}
