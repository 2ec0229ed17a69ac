package org.advocacy.bills;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.advocacy.legislators.Chamber;
import org.jspecify.annotations.Nullable;

/** One entry in a bill's status history, e.g. "Passed the House" on a date. */
@Entity
@Table(name = "bill_status_event")
public class BillStatusEvent {

    /** How precisely the public record dates an event. */
    public enum DatePrecision {

        DAY, MONTH

    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "bill_id", nullable = false)
    private Bill bill;

    @Column(name = "occurred_on", nullable = false)
    private LocalDate occurredOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "date_precision", nullable = false)
    private DatePrecision datePrecision = DatePrecision.DAY;

    @Enumerated(EnumType.STRING)
    private @Nullable Chamber chamber;

    @Column(nullable = false)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BillStage stage;

    protected BillStatusEvent() {
    }

    BillStatusEvent(Bill bill, LocalDate occurredOn, DatePrecision datePrecision, @Nullable Chamber chamber,
            String description, BillStage stage) {
        this.bill = bill;
        this.occurredOn = occurredOn;
        this.datePrecision = datePrecision;
        this.chamber = chamber;
        this.description = description;
        this.stage = stage;
    }

    public Long getId() {
        return id;
    }

    public LocalDate getOccurredOn() {
        return occurredOn;
    }

    public DatePrecision getDatePrecision() {
        return datePrecision;
    }

    /** Whether only the month of this event is known. */
    public boolean isMonthOnly() {
        return datePrecision == DatePrecision.MONTH;
    }

    public @Nullable Chamber getChamber() {
        return chamber;
    }

    public String getDescription() {
        return description;
    }

    public BillStage getStage() {
        return stage;
    }

}
