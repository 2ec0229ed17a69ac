package org.advocacy.site.actions;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.advocacy.bills.Bill;
import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.SampleSupporter;
import org.advocacy.campaigns.TemplatePlaceholders;
import org.advocacy.campaigns.TemplateSet;
import org.advocacy.legislators.DistrictRef;
import org.advocacy.legislators.Legislator;
import org.advocacy.site.supporters.SessionSupporter;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Everything an action page needs: the campaign, its current templates, the supporter,
 * the seat their ZIP settled on, and the legislators the campaign asks them to contact.
 */
record ActionContext(Campaign campaign, TemplateSet templates, @Nullable Bill bill, Set<String> backers,
        SessionSupporter supporter, @Nullable String zip, DistrictRef district, List<Legislator> targets) {

    Optional<Legislator> target(String bioguideId) {
        return targets.stream().filter(l -> l.getBioguideId().equals(bioguideId)).findFirst();
    }

    /** The template filled in for one legislator. */
    String fill(String template, Legislator legislator) {
        return TemplatePlaceholders.fill(template, values(legislator));
    }

    Map<String, String> values(Legislator legislator) {
        return TemplatePlaceholders.values(campaign, bill, backers.contains(legislator.getBioguideId()), legislator,
                new SampleSupporter(supporter.name(), supporter.place(), supporter.zip()));
    }

    /**
     * The action page's address for this seat, e.g.
     * /campaigns/tsra/call?zip=05401&district=VT-0.
     */
    String url(String action) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/campaigns/{slug}/" + action);
        if (zip != null) {
            url.queryParam("zip", zip);
        }
        return url.queryParam("district", district.toString())
            .buildAndExpand(campaign.getSlug())
            .encode()
            .toUriString();
    }
}
