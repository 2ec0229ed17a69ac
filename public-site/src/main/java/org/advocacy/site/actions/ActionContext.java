package org.advocacy.site.actions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.advocacy.bills.Bill;
import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.TemplatePlaceholders;
import org.advocacy.campaigns.TemplateSet;
import org.advocacy.legislators.DistrictRef;
import org.advocacy.legislators.Legislator;
import org.advocacy.site.supporters.SessionSupporter;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Everything an action page needs: the campaign, its current templates, the supporter, the seat
 * their ZIP settled on, and the legislators the campaign asks them to contact.
 */
record ActionContext(Campaign campaign, TemplateSet templates, @Nullable Bill bill, SessionSupporter supporter,
                     @Nullable String zip, DistrictRef district, List<Legislator> targets) {

    Optional<Legislator> target(String bioguideId) {
        return targets.stream().filter(l -> l.getBioguideId().equals(bioguideId)).findFirst();
    }

    /** The template filled in for one legislator. */
    String fill(String template, Legislator legislator) {
        return TemplatePlaceholders.fill(template, values(legislator));
    }

    Map<String, String> values(Legislator legislator) {
        Map<String, String> values = new HashMap<>();
        values.put("legislator.title", legislator.getTitle());
        values.put("legislator.name", legislator.getDisplayName());
        values.put("legislator.lastName", legislator.getLastName());
        values.put("legislator.state", legislator.getState());
        if (legislator.getPhone() != null) {
            values.put("legislator.phone", legislator.getPhone());
        }
        values.put("supporter.name", supporter.name());
        values.put("supporter.place", supporter.place());
        values.put("supporter.zip", supporter.zip());
        if (bill != null) {
            values.put("bill.number", bill.getDesignation());
            values.put("bill.title", bill.getShortTitle());
            values.put("bill.law", bill.getPublicLaw() != null ? bill.getPublicLaw() : bill.getDesignation());
        }
        values.put("campaign.title", campaign.getTitle());
        return values;
    }

    /** The action page's address for this seat, e.g. /campaigns/tsra/call?zip=05401&district=VT-0. */
    String url(String action) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/campaigns/{slug}/" + action);
        if (zip != null) {
            url.queryParam("zip", zip);
        }
        return url.queryParam("district", district.toString()).buildAndExpand(campaign.getSlug()).encode().toUriString();
    }
}
