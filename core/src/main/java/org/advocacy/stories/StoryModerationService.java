package org.advocacy.stories;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;

import org.advocacy.staff.AuditLog;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The console's story queue: edit and redact, approve, publish, unpublish and remove.
 * Consent rules are the story's own: a withdrawn story cannot be republished, and removal
 * keeps the consent history. Every change is audited (without the story text, which may
 * be sensitive).
 */
@Service
@Transactional(readOnly = true)
public class StoryModerationService {

    /** What redactions are replaced with. */
    public static final String REDACTED = "[redacted]";

    private static final String READERS = "hasAnyRole('ADMIN', 'ORGANIZER', 'VIEWER')";

    private static final String EDITORS = "hasAnyRole('ADMIN', 'ORGANIZER')";

    private static final String ENTITY = "Story";

    private final EntityManager entityManager;

    private final AuditLog audit;

    private final Clock clock;

    StoryModerationService(EntityManager entityManager, AuditLog audit, Clock clock) {
        this.entityManager = entityManager;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * One page of the queue, oldest submission first; {@code status} null means every
     * status.
     */
    @PreAuthorize(READERS)
    public List<Story> queue(@Nullable StoryStatus status, int offset, int limit) {
        var query = entityManager.createQuery("select s from Story s"
                + (status == null ? "" : " where s.status = :status") + " order by s.submittedAt, s.id", Story.class);
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @PreAuthorize(READERS)
    public long count(@Nullable StoryStatus status) {
        var query = entityManager.createQuery(
                "select count(s) from Story s" + (status == null ? "" : " where s.status = :status"), Long.class);
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.getSingleResult();
    }

    @PreAuthorize(READERS)
    public Optional<Story> find(long storyId) {
        return Optional.ofNullable(entityManager.find(Story.class, storyId));
    }

    /** Free editing of what the public would see. */
    @Transactional
    @PreAuthorize(EDITORS)
    public Story edit(long storyId, String title, String body, Attribution attribution, @Nullable String displayName,
            @Nullable String contentWarning) {
        Story story = get(storyId);
        if (title.isBlank() || body.isBlank()) {
            throw new IllegalArgumentException("A story needs a title and a body.");
        }
        if (attribution != Attribution.ANONYMOUS && (displayName == null || displayName.isBlank())) {
            throw new IllegalArgumentException("A named or pseudonymous story needs a display name.");
        }
        if (title.length() > 200) {
            throw new IllegalArgumentException("The title must be at most 200 characters.");
        }
        Map<String, Object> before = snapshot(story);
        story.edit(title.strip(), body.strip(), attribution, displayName == null ? null : displayName.strip(),
                contentWarning == null || contentWarning.isBlank() ? null : contentWarning.strip(), clock.instant());
        audit.record("story.edit", ENTITY, storyId, before, snapshot(story));
        return story;
    }

    /**
     * Replaces every occurrence of {@code text} (a name, place or case number), ignoring
     * case, in the title, body and display name with {@value #REDACTED}. Returns how many
     * were replaced.
     */
    @Transactional
    @PreAuthorize(EDITORS)
    public int redact(long storyId, String text) {
        Story story = get(storyId);
        String term = text.strip();
        if (term.length() < 2) {
            throw new IllegalArgumentException("Select or type at least two characters to redact.");
        }
        Pattern pattern = Pattern.compile(Pattern.quote(term), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        int[] count = { 0 };
        String title = replace(pattern, story.getTitle(), count);
        String body = replace(pattern, story.getBody(), count);
        String displayName = story.getDisplayName() == null ? null : replace(pattern, story.getDisplayName(), count);
        if (count[0] == 0) {
            return 0;
        }
        Map<String, Object> before = snapshot(story);
        story.edit(title, body, story.getAttribution(), displayName, story.getContentWarning(), clock.instant());
        Map<String, Object> after = snapshot(story);
        after.put("redactions", count[0]);
        audit.record("story.redact", ENTITY, storyId, before, after);
        return count[0];
    }

    @Transactional
    @PreAuthorize(EDITORS)
    public Story approve(long storyId) {
        return change(storyId, "story.approve", story -> story.approve(clock.instant()));
    }

    /**
     * Publishes the story; refused when it was withdrawn or removed, or consent does not
     * cover the site.
     */
    @Transactional
    @PreAuthorize(EDITORS)
    public Story publish(long storyId) {
        return change(storyId, "story.publish", story -> story.publish(clock.instant()));
    }

    @Transactional
    @PreAuthorize(EDITORS)
    public Story unpublish(long storyId) {
        return change(storyId, "story.unpublish", story -> story.unpublish(clock.instant()));
    }

    /** Wipes the story's text for good. Its consent history is kept. */
    @Transactional
    @PreAuthorize(EDITORS)
    public Story remove(long storyId) {
        return change(storyId, "story.remove", story -> story.remove(clock.instant()));
    }

    private Story change(long storyId, String action, Consumer<Story> change) {
        Story story = get(storyId);
        Map<String, Object> before = snapshot(story);
        change.accept(story);
        audit.record(action, ENTITY, storyId, before, snapshot(story));
        return story;
    }

    private Story get(long storyId) {
        Story story = entityManager.find(Story.class, storyId);
        if (story == null) {
            throw new IllegalArgumentException("This story no longer exists.");
        }
        return story;
    }

    private static String replace(Pattern pattern, String text, int[] count) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            count[0]++;
            matcher.appendReplacement(out, Matcher.quoteReplacement(REDACTED));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * Status and consent, never the story text: the audit log must not become a second
     * copy of it.
     */
    private static Map<String, Object> snapshot(Story story) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", story.getStatus().name());
        state.put("attribution", story.getAttribution().name());
        state.put("titleLength", story.getTitle().length());
        state.put("bodyLength", story.getBody().length());
        state.put("consentRecords", story.getConsentHistory().size());
        state.put("publishOnSite", story.currentConsent().map(StoryConsent::isPublishOnSite).orElse(false));
        return state;
    }

}
