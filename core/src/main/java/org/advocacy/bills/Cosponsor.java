package org.advocacy.bills;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.jspecify.annotations.Nullable;

/**
 * A member who cosponsors a bill, from the date they joined. The name is kept when it
 * comes from the official record, so a former member who is not in the current roster can
 * still be shown.
 */
@Embeddable
public record Cosponsor(@Column(name = "bioguide_id", nullable = false) String bioguideId,
        @Column(name = "since") @Nullable LocalDate since, @Column(name = "name") @Nullable String name) {

    public Cosponsor(String bioguideId, @Nullable LocalDate since) {
        this(bioguideId, since, null);
    }
}
