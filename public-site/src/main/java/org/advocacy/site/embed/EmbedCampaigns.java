package org.advocacy.site.embed;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.advocacy.bills.Bill;
import org.advocacy.campaigns.ActionKind;
import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignService;
import org.advocacy.campaigns.CampaignTargeting;
import org.advocacy.campaigns.SampleSupporter;
import org.advocacy.campaigns.TemplatePlaceholders;
import org.advocacy.campaigns.TemplateSet;
import org.advocacy.legislators.DistrictRef;
import org.advocacy.legislators.Legislator;
import org.advocacy.legislators.LegislatorLookup;
import org.advocacy.legislators.LookupException;
import org.advocacy.legislators.LookupService;
import org.advocacy.shared.CacheNames;
import org.advocacy.shared.PublicContentVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

/**
 * What the widget needs of a campaign (its bills, current templates and the bills'
 * backers), read once per public content version, and the legislators a supporter's seat
 * asks them to contact.
 */
@Component
class EmbedCampaigns {

    /**
     * The actions a compact widget offers (a meeting request needs more than fits in a
     * partner's column).
     */
    static final List<ActionKind> EMBEDDABLE = List.of(ActionKind.LETTER, ActionKind.CALL);

    record Setup(Campaign campaign, @Nullable Bill bill, @Nullable TemplateSet templates, Set<String> backers) {

        boolean open() {
            return campaign.isLive() && templates != null;
        }

        List<ActionKind> embeddable() {
            return EMBEDDABLE.stream().filter(campaign::isEnabled).toList();
        }

        String fill(String template, Legislator legislator, SampleSupporter supporter) {
            return TemplatePlaceholders.fill(template, TemplatePlaceholders.values(campaign, bill,
                    backers.contains(legislator.getBioguideId()), legislator, supporter));
        }
    }

    private final CampaignService campaigns;

    private final CampaignTargeting targeting;

    private final LookupService lookups;

    private final PublicContentVersion contentVersion;

    private final Cache setups;

    EmbedCampaigns(CampaignService campaigns, CampaignTargeting targeting, LookupService lookups,
            PublicContentVersion contentVersion, CacheManager caches) {
        this.campaigns = campaigns;
        this.targeting = targeting;
        this.lookups = lookups;
        this.contentVersion = contentVersion;
        this.setups = Objects.requireNonNull(caches.getCache(CacheNames.EMBED_SETUPS));
    }

    Optional<Setup> find(String slug) {
        return Optional
            .ofNullable(contentVersion.<Setup>cached(setups, slug, () -> campaigns.findPublic(slug).map(campaign -> {
                List<Bill> bills = campaigns.bills(campaign);
                Bill lead = bills.isEmpty() ? null : bills.getFirst();
                return new Setup(campaign, lead, campaign.currentTemplates(bills).orElse(null),
                        campaigns.backers(campaign));
            }).orElse(null)));
    }

    /**
     * Who represents a ZIP (and the district chosen for a split one); empty for a ZIP we
     * do not know.
     */
    Optional<LegislatorLookup> lookup(String zip, @Nullable String district) {
        try {
            return Optional.of(district == null || district.isBlank() ? lookups.lookup(zip)
                    : lookups.lookup(zip, DistrictRef.parse(district)));
        }
        catch (LookupException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The legislators the campaign asks a supporter of this seat to contact. */
    List<Legislator> targets(Setup setup, String zip, String district) {
        return lookup(zip, district).filter(LegislatorLookup::settled)
            .map(lookup -> targeting.targets(setup.campaign(), lookup, setup.backers()))
            .orElse(List.of());
    }

}
