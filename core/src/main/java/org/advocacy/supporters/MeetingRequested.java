package org.advocacy.supporters;

/** A supporter asked to meet a member's office; staff follow up in the console. */
public record MeetingRequested(long meetingRequestId, long campaignId, String bioguideId) {
}
