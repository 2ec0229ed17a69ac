package org.advocacy.campaigns;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.jspecify.annotations.Nullable;

/**
 * Which optional sections a campaign page shows and their headings, in English and
 * Spanish. A missing heading means the general one from the site's message bundles.
 */
@Embeddable
public record CampaignSections(@Column(name = "why_heading") @Nullable String whyHeading,
        @Column(name = "why_heading_es") @Nullable String whyHeadingEs,
        @Column(name = "stories_shown", nullable = false) boolean storiesShown,
        @Column(name = "stories_heading") @Nullable String storiesHeading,
        @Column(name = "stories_heading_es") @Nullable String storiesHeadingEs) {

    public static final int MAX_HEADING = 120;

    /** No stories section and the general headings. */
    public static final CampaignSections GENERAL = new CampaignSections(null, null, false, null, null);

    /**
     * The why-it-matters heading for a language ("en" or "es"); null for the general one.
     */
    public @Nullable String whyHeadingIn(String language) {
        return "es".equals(language) ? whyHeadingEs : whyHeading;
    }

    /** The stories heading for a language ("en" or "es"); null for the general one. */
    public @Nullable String storiesHeadingIn(String language) {
        return "es".equals(language) ? storiesHeadingEs : storiesHeading;
    }

    /** Blank headings become null and the others are trimmed. */
    CampaignSections normalised() {
        return new CampaignSections(clean(whyHeading), clean(whyHeadingEs), storiesShown, clean(storiesHeading),
                clean(storiesHeadingEs));
    }

    private static @Nullable String clean(@Nullable String heading) {
        return heading == null || heading.isBlank() ? null : heading.strip();
    }
}
