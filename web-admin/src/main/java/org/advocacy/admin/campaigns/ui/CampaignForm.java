package org.advocacy.admin.campaigns.ui;

import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignSections;
import org.advocacy.campaigns.CampaignStatus;
import org.advocacy.campaigns.CampaignText;
import org.advocacy.campaigns.ActionKind;
import org.advocacy.campaigns.TargetMode;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * The campaign editor's simple fields (explainer and why-it-matters in Markdown),
 * validated before the service checks them again. Public because Binder reads it
 * reflectively.
 */
public record CampaignForm(
        @NotBlank(message = "Enter a title.") @Size(max = 200,
                message = "The title must be at most 200 characters.") String title,
        @NotBlank(message = "Enter a web address name.") @Size(max = 80,
                message = "The web address name must be at most 80 characters.") @Pattern(
                        regexp = "^[a-z0-9]+(-[a-z0-9]+)*$",
                        message = "Use lower-case letters, digits and single hyphens, e.g. survivor-relief.") String slug,
        @Size(max = 300, message = "The tagline must be at most 300 characters.") @Nullable String tagline,
        @NotBlank(message = "Enter an explainer.") String explainer, @Nullable String whyItMatters,
        @NotNull(message = "Choose a status.") CampaignStatus status,
        @Min(value = 1, message = "The goal must be at least 1 action, or empty.") @Nullable Integer goal,
        boolean letterEnabled, boolean callEnabled, boolean meetingEnabled, boolean targetHouse, boolean targetSenate,
        @NotNull(message = "Choose whom to target.") TargetMode targetMode,
        @Size(max = CampaignSections.MAX_HEADING,
                message = "Headings must be at most 120 characters.") @Nullable String whyHeading,
        @Size(max = CampaignSections.MAX_HEADING,
                message = "Headings must be at most 120 characters.") @Nullable String whyHeadingEs,
        boolean storiesShown,
        @Size(max = CampaignSections.MAX_HEADING,
                message = "Headings must be at most 120 characters.") @Nullable String storiesHeading,
        @Size(max = CampaignSections.MAX_HEADING,
                message = "Headings must be at most 120 characters.") @Nullable String storiesHeadingEs) {

    static CampaignForm blank() {
        return new CampaignForm("", "", null, "", null, CampaignStatus.DRAFT, null, true, true, true, true, true,
                TargetMode.ALL, null, null, false, null, null);
    }

    /** The explainer and why-it-matters as written, in Markdown. */
    CampaignText text() {
        return new CampaignText(explainer, whyItMatters);
    }

    CampaignSections sections() {
        return new CampaignSections(whyHeading, whyHeadingEs, storiesShown, storiesHeading, storiesHeadingEs);
    }

    static CampaignForm of(Campaign campaign) {
        return new CampaignForm(campaign.getTitle(), campaign.getSlug(), campaign.getTagline(),
                campaign.getExplainerMarkdown(), campaign.getWhyItMattersMarkdown(), campaign.getStatus(),
                campaign.getGoal(), campaign.isEnabled(ActionKind.LETTER), campaign.isEnabled(ActionKind.CALL),
                campaign.isEnabled(ActionKind.MEETING), campaign.isTargetHouse(), campaign.isTargetSenate(),
                campaign.getTargetMode(), campaign.getSections().whyHeading(), campaign.getSections().whyHeadingEs(),
                campaign.getSections().storiesShown(), campaign.getSections().storiesHeading(),
                campaign.getSections().storiesHeadingEs());
    }
}
