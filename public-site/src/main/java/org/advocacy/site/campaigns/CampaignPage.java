package org.advocacy.site.campaigns;

import java.util.List;

import org.advocacy.bills.Bill;
import org.advocacy.bills.BillStage;
import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.TemplatePlaceholders;
import org.advocacy.campaigns.TemplateSet;
import org.advocacy.campaigns.ToolkitResource;
import org.advocacy.stories.Story;
import org.advocacy.supporters.ActionCount;
import org.jspecify.annotations.Nullable;

/** Everything the campaign page shows, read in one go and cached briefly. */
record CampaignPage(Campaign campaign, List<Bill> bills, @Nullable Bill bill, BillStage stage,
        @Nullable TemplateSet templates, List<Story> stories, List<ToolkitResource> toolkit, List<ActionCount> counts,
        long totalActions) {

    /**
     * The call to action as the page shows it: campaign and bill placeholders filled,
     * never shown raw.
     */
    public @Nullable String callToAction() {
        return templates == null ? null : TemplatePlaceholders.fill(templates.callToAction(),
                TemplatePlaceholders.campaignValues(campaign, bill));
    }

    /** Progress towards the goal, 0 to 100; null without a goal. */
    public @Nullable Integer goalPercent() {
        Integer goal = campaign.getGoal();
        return goal == null ? null : (int) Math.min(100, totalActions * 100 / goal);
    }
}
