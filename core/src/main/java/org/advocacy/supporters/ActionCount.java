package org.advocacy.supporters;

/** How many actions of one type a campaign has had. */
public record ActionCount(ActionType type, long count) {
}
