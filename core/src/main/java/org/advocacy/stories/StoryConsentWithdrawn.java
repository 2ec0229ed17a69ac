package org.advocacy.stories;

import org.jspecify.annotations.Nullable;

/**
 * The submitter withdrew consent: the story left the site at once and is never shared
 * again.
 */
public record StoryConsentWithdrawn(long storyId, @Nullable Long campaignId) {
}
