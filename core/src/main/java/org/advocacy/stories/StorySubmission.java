package org.advocacy.stories;

import org.jspecify.annotations.Nullable;

/**
 * A survivor's story as submitted, with the three separate consent choices. The public
 * form validates lengths; the service checks them again so nothing invalid is stored.
 */
public record StorySubmission(@Nullable Long campaignId, String title, String body, Attribution attribution,
        @Nullable String displayName, @Nullable String contentWarning, @Nullable String contactEmail,
        boolean publishOnSite, boolean shareWithOffices, boolean shareWithPress) {

    public static final int MAX_TITLE = 200;

    public static final int MAX_BODY = 20_000;

    public static final int MAX_DISPLAY_NAME = 100;

    public static final int MAX_CONTENT_WARNING = 300;

}
