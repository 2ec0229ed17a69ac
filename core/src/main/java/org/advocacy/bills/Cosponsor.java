package org.advocacy.bills;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.jspecify.annotations.Nullable;

@Embeddable
public record Cosponsor(
        @Column(name = "bioguide_id", nullable = false) String bioguideId,
        @Column(name = "since") @Nullable LocalDate since) {
}
