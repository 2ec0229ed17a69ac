package org.advocacy.embeds;

/**
 * How many actions one partner site brought to a campaign through its embedded widget.
 */
public record PartnerCount(String origin, long actions) {
}
