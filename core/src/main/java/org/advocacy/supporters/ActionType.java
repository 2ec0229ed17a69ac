package org.advocacy.supporters;

public enum ActionType {

    LETTER, CALL, MEETING_REQUEST, SIGNUP, STORY

}
