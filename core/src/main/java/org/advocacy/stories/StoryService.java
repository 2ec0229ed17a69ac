package org.advocacy.stories;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.advocacy.staff.AuditLog;
import org.advocacy.stories.internal.StoryRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class StoryService {

    /** Who recorded a consent the submitter gave themselves, in the consent history. */
    public static final String SUBMITTER = "submitter";

    /**
     * The audit log's actor for a withdrawal: the story's submitter, through their
     * withdrawal link.
     */
    public static final String WITHDRAWAL_ACTOR = "story submitter (withdrawal link)";

    private final StoryRepository stories;

    private final ApplicationEventPublisher events;

    private final AuditLog audit;

    private final Clock clock = Clock.systemUTC();

    StoryService(StoryRepository stories, ApplicationEventPublisher events, AuditLog audit) {
        this.stories = stories;
        this.events = events;
        this.audit = audit;
    }

    /** Published stories whose consent still allows publication. */
    public List<Story> published(long campaignId) {
        return stories.findByCampaignIdAndStatusOrderByPublishedAtDesc(campaignId, StoryStatus.PUBLISHED)
            .stream()
            .filter(Story::mayBePublished)
            .toList();
    }

    public Optional<Story> findPublished(long storyId) {
        return stories.findByIdAndStatus(storyId, StoryStatus.PUBLISHED).filter(Story::mayBePublished);
    }

    public long countAwaitingModeration() {
        return stories.countByStatus(StoryStatus.SUBMITTED);
    }

    /**
     * Stores a survivor's story as SUBMITTED with the consent they gave. Nothing is
     * published until staff approve it.
     */
    @Transactional
    public Story submit(StorySubmission submission) {
        String title = required(submission.title(), StorySubmission.MAX_TITLE, "title");
        String body = required(submission.body(), StorySubmission.MAX_BODY, "body");
        String displayName = optional(submission.displayName(), StorySubmission.MAX_DISPLAY_NAME, "display name");
        if (submission.attribution() != Attribution.ANONYMOUS && displayName == null) {
            throw new IllegalArgumentException("A named or pseudonymous story needs a name to show");
        }
        String warning = optional(submission.contentWarning(), StorySubmission.MAX_CONTENT_WARNING, "content warning");
        Instant now = clock.instant();
        Story story = new Story(submission.campaignId(), title, body, submission.attribution(), displayName, warning);
        story.setContactEmail(optional(submission.contactEmail(), 254, "email"));
        story.recordConsent(submission.publishOnSite(), submission.shareWithOffices(), submission.shareWithPress(), now,
                SUBMITTER, null);
        return stories.save(story);
    }

    public Optional<Story> findByWithdrawalToken(String token) {
        return stories.findByWithdrawalToken(token);
    }

    /**
     * Withdraws all consent for the story holding this private token: it leaves the site
     * at once. Withdrawing twice is harmless. Empty for an unknown token.
     */
    @Transactional
    public Optional<Story> withdrawConsent(String token) {
        Optional<Story> story = stories.findByWithdrawalToken(token);
        story.ifPresent(s -> {
            if (s.getStatus() != StoryStatus.WITHDRAWN) {
                Map<String, Object> before = Map.of("status", s.getStatus().name());
                s.withdrawConsent(clock.instant());
                // The submitter acts through their private link: described, not named
                // (they may be anonymous).
                audit.recordAs(WITHDRAWAL_ACTOR, "story.consent-withdrawn", "Story", s.getId(), before,
                        Map.of("status", s.getStatus().name()));
                events.publishEvent(new StoryConsentWithdrawn(s.getId(), s.getCampaignId()));
            }
        });
        return story;
    }

    private static String required(@Nullable String value, int max, String what) {
        String stripped = optional(value, max, what);
        if (stripped == null) {
            throw new IllegalArgumentException("The " + what + " is required");
        }
        return stripped;
    }

    private static @Nullable String optional(@Nullable String value, int max, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new IllegalArgumentException("The " + what + " is longer than " + max + " characters");
        }
        return stripped;
    }

}
