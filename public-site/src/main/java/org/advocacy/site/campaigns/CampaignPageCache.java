package org.advocacy.site.campaigns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignService;
import org.advocacy.shared.PublicContentVersion;
import org.advocacy.stories.StoryConsentWithdrawn;
import org.advocacy.stories.StoryService;
import org.advocacy.supporters.ActionCount;
import org.advocacy.supporters.SupporterService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the campaign page cheap: its data (campaign, bills, stories, toolkit, totals) is read
 * once and reused. An edit to anything the page shows shows at once, because entries carry the
 * {@link PublicContentVersion} they were read at; the short time to live only bounds how old the
 * action counters (and another instance's edits) can be. A withdrawn story leaves at once too.
 */
@Component
class CampaignPageCache {

    private record Entry(CampaignPage page, Instant expires, long version) {
    }

    private final CampaignService campaigns;
    private final StoryService stories;
    private final SupporterService supporters;
    private final Duration timeToLive;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Entry> pages = new ConcurrentHashMap<>();
    private final Map<String, Object> loadLocks = new ConcurrentHashMap<>();
    private final PublicContentVersion contentVersion;

    CampaignPageCache(CampaignService campaigns, StoryService stories, SupporterService supporters,
                      PublicContentVersion contentVersion,
                      @Value("${advocacy.site.campaign-cache-ttl:30s}") Duration timeToLive) {
        this.contentVersion = contentVersion;
        this.campaigns = campaigns;
        this.stories = stories;
        this.supporters = supporters;
        this.timeToLive = timeToLive;
    }

    Optional<CampaignPage> page(String slug) {
        Optional<CampaignPage> fresh = fresh(slug);
        if (fresh.isPresent()) {
            return fresh;
        }
        // One reload per slug at a time: when an entry expires under load, the other requests wait for it
        // instead of all recounting the campaign's actions at once.
        synchronized (loadLocks.computeIfAbsent(slug, key -> new Object())) {
            fresh = fresh(slug);
            if (fresh.isPresent()) {
                return fresh;
            }
            Instant now = clock.instant();
            long version = contentVersion.current();
            Optional<CampaignPage> page = campaigns.findPublic(slug).map(this::load);
            page.ifPresentOrElse(p -> pages.put(slug, new Entry(p, now.plus(timeToLive), version)), () -> pages.remove(slug));
            return page;
        }
    }

    private Optional<CampaignPage> fresh(String slug) {
        Entry entry = pages.get(slug);
        return entry != null && entry.expires().isAfter(clock.instant()) && entry.version() == contentVersion.current()
                ? Optional.of(entry.page()) : Optional.empty();
    }

    private CampaignPage load(Campaign campaign) {
        var bills = campaigns.bills(campaign);
        List<ActionCount> counts = supporters.countActionsByType(campaign.getId());
        long total = counts.stream().mapToLong(ActionCount::count).sum();
        var stage = bills.isEmpty() ? org.advocacy.bills.BillStage.INTRODUCED : bills.getFirst().getStage();
        return new CampaignPage(campaign, bills, bills.isEmpty() ? null : bills.getFirst(), stage,
                campaign.templatesFor(stage).orElse(null), stories.published(campaign.getId()),
                campaigns.toolkit(campaign), counts, total);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void storyWithdrawn(StoryConsentWithdrawn event) {
        pages.clear();
    }

    void clear() {
        pages.clear();
    }
}
