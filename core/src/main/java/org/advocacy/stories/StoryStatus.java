package org.advocacy.stories;

public enum StoryStatus {

    SUBMITTED, APPROVED, PUBLISHED, UNPUBLISHED, WITHDRAWN, REMOVED

}
