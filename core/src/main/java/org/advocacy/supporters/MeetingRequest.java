package org.advocacy.supporters;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.advocacy.shared.TrackedEntity;
import org.jspecify.annotations.Nullable;

/** A supporter's request to meet a member's office, for staff to follow up. */
@Entity
@Table(name = "meeting_request")
public class MeetingRequest extends TrackedEntity {

    @Column(name = "supporter_id")
    private @Nullable Long supporterId;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Column(name = "bioguide_id", nullable = false)
    private String bioguideId;

    @Column(name = "office_id")
    private @Nullable String officeId;

    private @Nullable String name;

    private @Nullable String email;

    private @Nullable String phone;

    @Column(name = "preferred_dates", nullable = false)
    private String preferredDates;

    private @Nullable String organisation;

    @Column(nullable = false)
    private String topic;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MeetingStatus status = MeetingStatus.REQUESTED;

    @Column(name = "scheduled_for")
    private @Nullable Instant scheduledFor;

    private @Nullable String notes;

    @Column(name = "follow_up_on")
    private @Nullable LocalDate followUpOn;

    protected MeetingRequest() {
    }

    public MeetingRequest(@Nullable Long supporterId, Long campaignId, String bioguideId, @Nullable String officeId,
            String name, String email, @Nullable String phone, String preferredDates, @Nullable String organisation,
            String topic) {
        this.supporterId = supporterId;
        this.campaignId = campaignId;
        this.bioguideId = bioguideId;
        this.officeId = officeId;
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.preferredDates = preferredDates;
        this.organisation = organisation;
        this.topic = topic;
    }

    public void followUp(MeetingStatus status, @Nullable Instant scheduledFor, @Nullable String notes,
            @Nullable LocalDate followUpOn) {
        this.status = status;
        this.scheduledFor = scheduledFor;
        this.notes = notes;
        this.followUpOn = followUpOn;
        touch();
    }

    /** Removes the requester's personal details when they ask to be erased. */
    public void anonymise() {
        supporterId = null;
        name = null;
        email = null;
        phone = null;
        touch();
    }

    public @Nullable Long getSupporterId() {
        return supporterId;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public String getBioguideId() {
        return bioguideId;
    }

    public @Nullable String getOfficeId() {
        return officeId;
    }

    public @Nullable String getName() {
        return name;
    }

    public @Nullable String getEmail() {
        return email;
    }

    public @Nullable String getPhone() {
        return phone;
    }

    public String getPreferredDates() {
        return preferredDates;
    }

    public @Nullable String getOrganisation() {
        return organisation;
    }

    public String getTopic() {
        return topic;
    }

    public MeetingStatus getStatus() {
        return status;
    }

    public @Nullable Instant getScheduledFor() {
        return scheduledFor;
    }

    public @Nullable String getNotes() {
        return notes;
    }

    public @Nullable LocalDate getFollowUpOn() {
        return followUpOn;
    }

}
