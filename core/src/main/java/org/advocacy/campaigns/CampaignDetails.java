package org.advocacy.campaigns;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Everything staff set about a campaign in the editor, apart from its template sets and
 * toolkit. Explainer and why-it-matters are HTML and are sanitised when applied.
 */
public record CampaignDetails(String slug, String title, @Nullable String tagline, String explainerHtml,
        @Nullable String whyItMattersHtml, CampaignStatus status, @Nullable Integer goal, boolean letterEnabled,
        boolean callEnabled, boolean meetingEnabled, boolean targetHouse, boolean targetSenate, TargetMode targetMode,
        Set<String> specificTargets, Set<Long> billIds, List<KeyFact> keyFacts) {

    public static CampaignDetails of(Campaign campaign) {
        return new CampaignDetails(campaign.getSlug(), campaign.getTitle(), campaign.getTagline(),
                campaign.getExplainer(), campaign.getWhyItMatters(), campaign.getStatus(), campaign.getGoal(),
                campaign.isEnabled(ActionKind.LETTER), campaign.isEnabled(ActionKind.CALL),
                campaign.isEnabled(ActionKind.MEETING), campaign.isTargetHouse(), campaign.isTargetSenate(),
                campaign.getTargetMode(), campaign.getSpecificTargets(), campaign.getBillIds(), campaign.getKeyFacts());
    }
}
