package org.advocacy.campaigns;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.jspecify.annotations.Nullable;

/** A statistic or fact the campaign relies on, always with its source. */
@Embeddable
public record KeyFact(@Column(name = "statement", nullable = false) String statement,
        @Column(name = "source_name", nullable = false) String sourceName,
        @Column(name = "source_url") @Nullable String sourceUrl, @Column(name = "detail") @Nullable String detail) {
}
