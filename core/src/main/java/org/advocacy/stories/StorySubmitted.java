package org.advocacy.stories;

import org.jspecify.annotations.Nullable;

/** A survivor submitted a story; it waits for staff to review it. */
public record StorySubmitted(long storyId, @Nullable Long campaignId) {
}
