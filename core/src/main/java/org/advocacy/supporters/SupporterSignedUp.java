package org.advocacy.supporters;

/**
 * A supporter gave their details. {@code consentRequested} is true when they ticked "send me
 * updates" and a double opt-in confirmation is now due.
 */
public record SupporterSignedUp(long supporterId, boolean newSupporter, boolean consentRequested) {
}
