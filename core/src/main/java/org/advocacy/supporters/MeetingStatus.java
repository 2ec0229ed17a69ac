package org.advocacy.supporters;

public enum MeetingStatus {

    REQUESTED, SCHEDULED, HELD, DECLINED

}
