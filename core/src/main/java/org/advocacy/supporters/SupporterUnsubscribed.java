package org.advocacy.supporters;

/** A supporter unsubscribed: nothing more may be sent to them. */
public record SupporterUnsubscribed(long supporterId) {
}
