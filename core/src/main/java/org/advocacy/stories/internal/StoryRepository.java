package org.advocacy.stories.internal;

import java.util.List;
import java.util.Optional;

import org.advocacy.stories.Story;
import org.advocacy.stories.StoryStatus;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StoryRepository extends JpaRepository<Story, Long> {

    List<Story> findByCampaignIdAndStatusOrderByPublishedAtDesc(Long campaignId, StoryStatus status);

    Optional<Story> findByIdAndStatus(Long id, StoryStatus status);

    Optional<Story> findByWithdrawalToken(String withdrawalToken);

    long countByStatus(StoryStatus status);

}
