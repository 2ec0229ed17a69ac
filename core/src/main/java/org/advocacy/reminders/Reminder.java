package org.advocacy.reminders;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.advocacy.supporters.ActionType;
import org.jspecify.annotations.Nullable;

/**
 * An email to an audience of supporters. Its subject and bodies are templates with
 * placeholders ({@link ReminderRenderer#PLACEHOLDERS}); the counts are kept up to date by
 * the sending job.
 */
@Entity
@Table(name = "reminder")
public class Reminder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String subject;

    @Column(name = "body_html", nullable = false)
    private String bodyHtml;

    @Column(name = "body_text", nullable = false)
    private String bodyText;

    @Enumerated(EnumType.STRING)
    @Column(name = "audience", nullable = false)
    private AudienceRule audienceRule;

    @Column(name = "campaign_id")
    private @Nullable Long campaignId;

    @Column(name = "audience_state")
    private @Nullable String audienceState;

    @Column(name = "audience_district")
    private @Nullable Integer audienceDistrict;

    @Enumerated(EnumType.STRING)
    @Column(name = "took_action")
    private @Nullable ActionType tookAction;

    @Enumerated(EnumType.STRING)
    @Column(name = "not_action")
    private @Nullable ActionType notAction;

    @Column(name = "bill_id")
    private @Nullable Long billId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReminderStatus status = ReminderStatus.DRAFT;

    @Column(name = "scheduled_at")
    private @Nullable Instant scheduledAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    @Column(name = "materialised_at")
    private @Nullable Instant materialisedAt;

    @Column(name = "started_at")
    private @Nullable Instant startedAt;

    @Column(name = "finished_at")
    private @Nullable Instant finishedAt;

    @Column(name = "heartbeat_at")
    private @Nullable Instant heartbeatAt;

    @Column(name = "job_execution_id")
    private @Nullable Long jobExecutionId;

    @Column(name = "recipient_count", nullable = false)
    private int recipientCount;

    @Column(name = "sent_count", nullable = false)
    private int sentCount;

    @Column(name = "failed_count", nullable = false)
    private int failedCount;

    @Column(name = "skipped_count", nullable = false)
    private int skippedCount;

    @Column(name = "last_error")
    private @Nullable String lastError;

    @Version
    private long version;

    protected Reminder() {
    }

    public Reminder(String subject, String bodyHtml, String bodyText, Audience audience, String createdBy) {
        this.createdBy = createdBy;
        edit(subject, bodyHtml, bodyText, audience, createdAt);
    }

    void edit(String subject, String bodyHtml, String bodyText, Audience audience, Instant at) {
        if (!status.isEditable()) {
            throw new InvalidReminderException("A reminder that is sending or finished can no longer be edited.");
        }
        this.subject = subject.strip();
        this.bodyHtml = bodyHtml;
        this.bodyText = bodyText;
        this.audienceRule = audience.rule();
        this.campaignId = audience.campaignId();
        this.audienceState = audience.state();
        this.audienceDistrict = audience.district();
        this.tookAction = audience.tookAction();
        this.notAction = audience.notAction();
        this.billId = audience.billId();
        this.updatedAt = at;
    }

    void schedule(Instant at, Instant now) {
        if (!status.isEditable()) {
            throw new InvalidReminderException("Only a draft or scheduled reminder can be scheduled.");
        }
        status = ReminderStatus.SCHEDULED;
        scheduledAt = at;
        updatedAt = now;
    }

    void unschedule(Instant now) {
        if (status != ReminderStatus.SCHEDULED) {
            throw new InvalidReminderException("Only a scheduled reminder can go back to draft.");
        }
        status = ReminderStatus.DRAFT;
        scheduledAt = null;
        updatedAt = now;
    }

    void cancel(Instant now) {
        status = ReminderStatus.CANCELLED;
        finishedAt = now;
        updatedAt = now;
    }

    public Audience audience() {
        return new Audience(audienceRule, campaignId, audienceState, audienceDistrict, tookAction, notAction, billId);
    }

    public Long getId() {
        return id;
    }

    public String getSubject() {
        return subject;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public String getBodyText() {
        return bodyText;
    }

    public ReminderStatus getStatus() {
        return status;
    }

    public @Nullable Instant getScheduledAt() {
        return scheduledAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public @Nullable Instant getStartedAt() {
        return startedAt;
    }

    public @Nullable Instant getFinishedAt() {
        return finishedAt;
    }

    public @Nullable Long getJobExecutionId() {
        return jobExecutionId;
    }

    public int getRecipientCount() {
        return recipientCount;
    }

    public int getSentCount() {
        return sentCount;
    }

    public int getFailedCount() {
        return failedCount;
    }

    public int getSkippedCount() {
        return skippedCount;
    }

    public @Nullable String getLastError() {
        return lastError;
    }

    public @Nullable Instant getMaterialisedAt() {
        return materialisedAt;
    }

    public long getVersion() {
        return version;
    }

}
