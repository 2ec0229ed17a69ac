package org.advocacy.supporters;

/** A supporter confirmed, through the emailed link, that they want updates. */
public record SubscriptionConfirmed(long supporterId) {
}
