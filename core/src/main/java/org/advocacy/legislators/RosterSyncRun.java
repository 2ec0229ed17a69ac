package org.advocacy.legislators;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;
import org.jspecify.annotations.Nullable;

/**
 * The record of one roster sync: when, how it ended, and what it changed (JSON in
 * {@link #getChanges()}).
 */
@Entity
@Table(name = "roster_sync_run")
public class RosterSyncRun {

    public enum Status {

        RUNNING, SUCCEEDED, FAILED

    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "job_execution_id")
    private @Nullable Long jobExecutionId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private @Nullable Instant finishedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.RUNNING;

    @Column(name = "members_added", nullable = false)
    private int membersAdded;

    @Column(name = "members_left", nullable = false)
    private int membersLeft;

    @Column(name = "members_changed", nullable = false)
    private int membersChanged;

    @Column(name = "members_unchanged", nullable = false)
    private int membersUnchanged;

    @Column(name = "offices_written", nullable = false)
    private int officesWritten;

    @Column(name = "rows_written", nullable = false)
    private int rowsWritten;

    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    private String changes = "{}";

    private @Nullable String message;

    protected RosterSyncRun() {
    }

    RosterSyncRun(@Nullable Long jobExecutionId, Instant startedAt) {
        this.jobExecutionId = jobExecutionId;
        this.startedAt = startedAt;
    }

    void succeeded(RosterSyncSummary summary, String changesJson, Instant at) {
        status = Status.SUCCEEDED;
        finishedAt = at;
        membersAdded = summary.added().size();
        membersLeft = summary.left().size();
        membersChanged = summary.changed().size();
        membersUnchanged = summary.unchanged();
        officesWritten = summary.officesWritten();
        rowsWritten = summary.rowsWritten();
        changes = changesJson;
        message = summary.describe().length() > 2000 ? summary.describe().substring(0, 2000) : summary.describe();
    }

    void failed(String reason, Instant at) {
        status = Status.FAILED;
        finishedAt = at;
        message = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
    }

    public Long getId() {
        return id;
    }

    public @Nullable Long getJobExecutionId() {
        return jobExecutionId;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public @Nullable Instant getFinishedAt() {
        return finishedAt;
    }

    public Status getStatus() {
        return status;
    }

    public int getMembersAdded() {
        return membersAdded;
    }

    public int getMembersLeft() {
        return membersLeft;
    }

    public int getMembersChanged() {
        return membersChanged;
    }

    public int getMembersUnchanged() {
        return membersUnchanged;
    }

    public int getOfficesWritten() {
        return officesWritten;
    }

    public int getRowsWritten() {
        return rowsWritten;
    }

    /** JSON: {"added": [ids], "left": [ids], "changed": {id: [fields]}}. */
    public String getChanges() {
        return changes;
    }

    public @Nullable String getMessage() {
        return message;
    }

}
