package org.advocacy.stories;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.advocacy.shared.PublicContentListener;
import org.advocacy.shared.Tokens;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.jspecify.annotations.Nullable;

/** A survivor's story. It is shown publicly only while its current consent allows it. */
@Entity
@EntityListeners(PublicContentListener.class)
@Table(name = "story")
public class Story {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id")
    private @Nullable Long campaignId;

    @Column(nullable = false)
    private String title;

    /** Plain text; paragraphs separated by blank lines. Never rendered as HTML. */
    @Column(nullable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Attribution attribution;

    @Column(name = "display_name")
    private @Nullable String displayName;

    @Column(name = "content_warning")
    private @Nullable String contentWarning;

    @Column(name = "video_url")
    private @Nullable String videoUrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StoryStatus status = StoryStatus.SUBMITTED;

    @Column(nullable = false)
    private boolean example;

    @Column(name = "contact_email")
    private @Nullable String contactEmail;

    @Column(name = "withdrawal_token", nullable = false, unique = true)
    private String withdrawalToken = Tokens.newToken();

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt = Instant.now();

    @Column(name = "published_at")
    private @Nullable Instant publishedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    @Version
    private long version;

    @OneToMany(mappedBy = "story", cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    private List<StoryConsent> consents = new ArrayList<>();

    protected Story() {
    }

    public Story(@Nullable Long campaignId, String title, String body, Attribution attribution,
            @Nullable String displayName, @Nullable String contentWarning) {
        this.campaignId = campaignId;
        this.title = title;
        this.body = body;
        this.attribution = attribution;
        this.displayName = attribution == Attribution.ANONYMOUS ? null : displayName;
        this.contentWarning = contentWarning;
    }

    /** Records a new consent; the previous one stays in the history. */
    public StoryConsent recordConsent(boolean publishOnSite, boolean shareWithOffices, boolean shareWithPress,
            Instant at, String recordedBy, @Nullable String note) {
        currentConsent().ifPresent(previous -> previous.withdraw(at));
        StoryConsent consent = new StoryConsent(this, publishOnSite, shareWithOffices, shareWithPress, at, recordedBy,
                note);
        consents.add(consent);
        return consent;
    }

    /** Withdraws all consent: the story leaves the site and can never be republished. */
    public void withdrawConsent(Instant at) {
        currentConsent().ifPresent(consent -> consent.withdraw(at));
        status = StoryStatus.WITHDRAWN;
        publishedAt = null;
        updatedAt = at;
    }

    public void markAsExample() {
        this.example = true;
    }

    public void setContactEmail(@Nullable String contactEmail) {
        this.contactEmail = contactEmail;
    }

    /** The consent in force: the latest record, unless it was withdrawn. */
    public Optional<StoryConsent> currentConsent() {
        return consents.stream()
            .max(Comparator.comparing(StoryConsent::getRecordedAt)
                .thenComparing(c -> c.getId() == null ? Long.MAX_VALUE : c.getId()))
            .filter(consent -> !consent.isWithdrawn());
    }

    public boolean mayBePublished() {
        return status != StoryStatus.WITHDRAWN && status != StoryStatus.REMOVED
                && currentConsent().map(StoryConsent::isPublishOnSite).orElse(false);
    }

    public void publish(Instant at) {
        if (!mayBePublished()) {
            throw new IllegalStateException("This story cannot be published: its consent does not allow it");
        }
        status = StoryStatus.PUBLISHED;
        publishedAt = at;
        updatedAt = at;
    }

    /** Moderators' edits and redactions before publication. */
    public void edit(String title, String body, Attribution attribution, @Nullable String displayName,
            @Nullable String contentWarning, Instant at) {
        requireNotGone();
        this.title = title;
        this.body = body;
        this.attribution = attribution;
        this.displayName = attribution == Attribution.ANONYMOUS ? null : displayName;
        this.contentWarning = contentWarning;
        updatedAt = at;
    }

    /** Approved for publication, not yet on the site. */
    public void approve(Instant at) {
        requireNotGone();
        status = StoryStatus.APPROVED;
        updatedAt = at;
    }

    /** Taken off the site; it may be published again while consent allows it. */
    public void unpublish(Instant at) {
        requireNotGone();
        status = StoryStatus.UNPUBLISHED;
        publishedAt = null;
        updatedAt = at;
    }

    /**
     * Removes the story for good: its text is wiped, the consent history stays as the
     * record of what the submitter agreed to and when.
     */
    public void remove(Instant at) {
        status = StoryStatus.REMOVED;
        title = "Removed story";
        body = "";
        displayName = null;
        attribution = Attribution.ANONYMOUS;
        contentWarning = null;
        videoUrl = null;
        contactEmail = null;
        publishedAt = null;
        updatedAt = at;
    }

    private void requireNotGone() {
        if (status == StoryStatus.WITHDRAWN || status == StoryStatus.REMOVED) {
            throw new IllegalStateException(
                    "This story was " + status.name().toLowerCase(Locale.ROOT) + " and can no longer be changed.");
        }
    }

    public @Nullable Instant getUpdatedAt() {
        return updatedAt;
    }

    public Long getId() {
        return id;
    }

    public @Nullable Long getCampaignId() {
        return campaignId;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    /** The body split into paragraphs, for rendering as escaped text. */
    public List<String> getParagraphs() {
        return Arrays.stream(body.split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    public Attribution getAttribution() {
        return attribution;
    }

    public @Nullable String getDisplayName() {
        return displayName;
    }

    public @Nullable String getContentWarning() {
        return contentWarning;
    }

    public @Nullable String getVideoUrl() {
        return videoUrl;
    }

    public StoryStatus getStatus() {
        return status;
    }

    public boolean isExample() {
        return example;
    }

    public @Nullable String getContactEmail() {
        return contactEmail;
    }

    public String getWithdrawalToken() {
        return withdrawalToken;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public @Nullable Instant getPublishedAt() {
        return publishedAt;
    }

    /** The whole consent history, oldest first. */
    public List<StoryConsent> getConsentHistory() {
        return consents.stream().sorted(Comparator.comparing(StoryConsent::getRecordedAt)).toList();
    }

    public long getVersion() {
        return version;
    }

}
