package org.advocacy.site.campaigns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignService;
import org.advocacy.campaigns.CampaignToolkit;
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
    private final CampaignToolkit toolkit;
    private final StoryService stories;
    private final SupporterService supporters;
    private final Duration timeToLive;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Entry> pages = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> loadLocks = new ConcurrentHashMap<>();
    private final PublicContentVersion contentVersion;

    CampaignPageCache(CampaignService campaigns, CampaignToolkit toolkit, StoryService stories, SupporterService supporters,
                      PublicContentVersion contentVersion,
                      @Value("${advocacy.site.campaign-cache-ttl:30s}") Duration timeToLive) {
        this.contentVersion = contentVersion;
        this.campaigns = campaigns;
        this.toolkit = toolkit;
        this.stories = stories;
        this.supporters = supporters;
        this.timeToLive = timeToLive;
    }

    Optional<CampaignPage> page(String slug) {
        Entry entry = pages.get(slug);
        boolean current = entry != null && entry.version() == contentVersion.current();
        if (current && entry.expires().isAfter(clock.instant())) {
            return Optional.of(entry.page());
        }
        ReentrantLock lock = loadLocks.computeIfAbsent(slug, key -> new ReentrantLock());
        if (current && !lock.tryLock()) {
            // Only the counters can have moved: keep answering with them while another request recounts.
            return Optional.of(entry.page());
        }
        if (!current) {
            // The content changed: everyone waits for the one reload rather than all reloading at once.
            lock.lock();
        }
        try {
            Entry latest = pages.get(slug);
            if (latest != null && latest.version() == contentVersion.current() && latest.expires().isAfter(clock.instant())) {
                return Optional.of(latest.page());
            }
            Instant now = clock.instant();
            long version = contentVersion.current();
            Optional<CampaignPage> page = campaigns.findPublic(slug).map(this::load);
            page.ifPresentOrElse(p -> pages.put(slug, new Entry(p, now.plus(timeToLive), version)), () -> pages.remove(slug));
            return page;
        }
        finally {
            lock.unlock();
        }
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

    @TransactionalEventListener(fallbackExecution = true)
    void storyWithdrawn(StoryConsentWithdrawn event) {
        pages.clear();
    }

    void clear() {
        pages.clear();
    }
}
