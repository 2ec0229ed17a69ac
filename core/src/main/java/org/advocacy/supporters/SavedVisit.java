package org.advocacy.supporters;

import org.jspecify.annotations.Nullable;

/**
 * The supporter row a visit's actions are recorded under, and, when the visit gave the
 * email of an existing supporter, the token of the link that lets the owner of that
 * address confirm it was them.
 */
public record SavedVisit(Supporter supporter, @Nullable String visitConfirmationToken) {
}
