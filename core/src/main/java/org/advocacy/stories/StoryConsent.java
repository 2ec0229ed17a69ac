package org.advocacy.stories;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.advocacy.shared.PublicContentListener;
import org.jspecify.annotations.Nullable;

/**
 * What a survivor consented to, and when. Records are only ever added: a withdrawal
 * stamps the current record and a change of mind adds a new one, so the history is never
 * lost.
 */
@Entity
@EntityListeners(PublicContentListener.class)
@Table(name = "story_consent")
public class StoryConsent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "story_id", nullable = false)
    private Story story;

    @Column(name = "publish_on_site", nullable = false)
    private boolean publishOnSite;

    @Column(name = "share_with_offices", nullable = false)
    private boolean shareWithOffices;

    @Column(name = "share_with_press", nullable = false)
    private boolean shareWithPress;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "withdrawn_at")
    private @Nullable Instant withdrawnAt;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    private @Nullable String note;

    protected StoryConsent() {
    }

    StoryConsent(Story story, boolean publishOnSite, boolean shareWithOffices, boolean shareWithPress,
            Instant recordedAt, String recordedBy, @Nullable String note) {
        this.story = story;
        this.publishOnSite = publishOnSite;
        this.shareWithOffices = shareWithOffices;
        this.shareWithPress = shareWithPress;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
        this.note = note;
    }

    void withdraw(Instant at) {
        if (withdrawnAt == null) {
            withdrawnAt = at;
        }
    }

    public Long getId() {
        return id;
    }

    public boolean isPublishOnSite() {
        return publishOnSite;
    }

    public boolean isShareWithOffices() {
        return shareWithOffices;
    }

    public boolean isShareWithPress() {
        return shareWithPress;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public @Nullable Instant getWithdrawnAt() {
        return withdrawnAt;
    }

    public boolean isWithdrawn() {
        return withdrawnAt != null;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public @Nullable String getNote() {
        return note;
    }

}
