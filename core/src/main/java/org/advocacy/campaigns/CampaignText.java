package org.advocacy.campaigns;

import org.jspecify.annotations.Nullable;

/** The explainer and why-it-matters as staff write them, in Markdown. */
public record CampaignText(String explainerMarkdown, @Nullable String whyItMattersMarkdown) {
}
