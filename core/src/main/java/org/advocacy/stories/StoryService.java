package org.advocacy.stories;

import java.util.List;
import java.util.Optional;

import org.advocacy.stories.internal.StoryRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class StoryService {

    private final StoryRepository stories;

    StoryService(StoryRepository stories) {
        this.stories = stories;
    }

    /** Published stories whose consent still allows publication. */
    public List<Story> published(long campaignId) {
        return stories.findByCampaignIdAndStatusOrderByPublishedAtDesc(campaignId, StoryStatus.PUBLISHED).stream()
                .filter(Story::mayBePublished)
                .toList();
    }

    public Optional<Story> findPublished(long storyId) {
        return stories.findByIdAndStatus(storyId, StoryStatus.PUBLISHED).filter(Story::mayBePublished);
    }

    public long countAwaitingModeration() {
        return stories.countByStatus(StoryStatus.SUBMITTED);
    }
}
