package org.advocacy.legislators;

import java.io.Serializable;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.jspecify.annotations.Nullable;

/**
 * A period of party membership within the current term; recorded when a member changes
 * party.
 */
@Embeddable
public record PartyAffiliation(@Column(name = "starts_on", nullable = false) LocalDate startsOn,
        @Column(name = "ends_on") @Nullable LocalDate endsOn, @Column(name = "party", nullable = false) String party,
        @Column(name = "caucus") @Nullable String caucus) implements Serializable {
}
