package org.advocacy.campaigns;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.advocacy.bills.Bill;
import org.advocacy.legislators.Chamber;
import org.advocacy.legislators.Legislator;
import org.advocacy.legislators.LegislatorLookup;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which of a supporter's legislators a campaign asks them to contact: the chambers it
 * targets, then everyone, only those who have not backed its bills, or a chosen list.
 */
@Service
@Transactional(readOnly = true)
public class CampaignTargeting {

    private final CampaignService campaigns;

    CampaignTargeting(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    /**
     * The supporter's legislators (from a settled lookup) that the campaign targets,
     * House first.
     */
    public List<Legislator> targets(Campaign campaign, LegislatorLookup lookup) {
        return targets(campaign, lookup,
                campaign.getTargetMode() == TargetMode.NON_COSPONSORS ? backers(campaign) : Set.of());
    }

    /**
     * The same, for a caller that already holds the campaign's backers (see
     * {@link CampaignService#backers}). Only filters what it is given, so it needs no
     * transaction (nor a connection).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<Legislator> targets(Campaign campaign, LegislatorLookup lookup, Set<String> backers) {
        return lookup.legislators()
            .stream()
            .filter(l -> l.getChamber() == Chamber.HOUSE ? campaign.isTargetHouse() : campaign.isTargetSenate())
            .filter(l -> switch (campaign.getTargetMode()) {
                case ALL -> true;
                case NON_COSPONSORS -> !backers.contains(l.getBioguideId());
                case SPECIFIC -> campaign.getSpecificTargets().contains(l.getBioguideId());
            })
            .toList();
    }

    private Set<String> backers(Campaign campaign) {
        Set<String> backers = new HashSet<>();
        for (Bill bill : campaigns.bills(campaign)) {
            backers.addAll(bill.getBackerIds());
        }
        return backers;
    }

}
