package org.advocacy.site.stories;

import org.jspecify.annotations.Nullable;

/** A survivor's story submission, with three separate consent boxes, none ticked by default. */
record StoryForm(@Nullable String formToken, @Nullable String title, @Nullable String body,
                 @Nullable String attribution, @Nullable String displayName, @Nullable String contentWarning,
                 @Nullable String contactEmail, @Nullable Boolean publishOnSite, @Nullable Boolean shareWithOffices,
                 @Nullable Boolean shareWithPress, @Nullable String website) {

    static StoryForm empty(String formToken) {
        return new StoryForm(formToken, "", "", "ANONYMOUS", "", "", "", false, false, false, "");
    }

    public boolean publish() {
        return Boolean.TRUE.equals(publishOnSite);
    }

    public boolean offices() {
        return Boolean.TRUE.equals(shareWithOffices);
    }

    public boolean press() {
        return Boolean.TRUE.equals(shareWithPress);
    }
}
