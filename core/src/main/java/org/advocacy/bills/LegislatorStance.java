package org.advocacy.bills;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.advocacy.shared.PublicContentListener;

/** A member's recorded position on one bill; campaign targeting reads it. */
@Entity
@EntityListeners(PublicContentListener.class)
@Table(name = "legislator_stance")
public class LegislatorStance {

    /** Bill and member: one stance per member per bill. */
    @Embeddable
    public record Key(@Column(name = "bill_id") Long billId, @Column(name = "bioguide_id") String bioguideId) {
    }

    @EmbeddedId
    private Key key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Stance stance;

    /**
     * Who set the stance: staff by hand, or the bill status sync from the cosponsor list.
     */
    public enum Source {

        STAFF, SYNC

    }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Source source = Source.STAFF;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected LegislatorStance() {
    }

    LegislatorStance(long billId, String bioguideId, Stance stance) {
        this.key = new Key(billId, bioguideId);
        this.stance = stance;
    }

    LegislatorStance(long billId, String bioguideId, Stance stance, Source source) {
        this(billId, bioguideId, stance);
        this.source = source;
    }

    void change(Stance stance) {
        this.stance = stance;
        this.source = Source.STAFF;
        this.updatedAt = Instant.now();
    }

    public long getBillId() {
        return key.billId();
    }

    public String getBioguideId() {
        return key.bioguideId();
    }

    public Stance getStance() {
        return stance;
    }

    public Source getSource() {
        return source;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

}
