package org.advocacy.site.stories;

import static org.advocacy.site.layout.FormValidation.stripped;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.advocacy.shared.EmailAddress;
import org.advocacy.stories.StorySubmission;
import org.jspecify.annotations.Nullable;

/**
 * A survivor's story submission, with three separate consent boxes, none ticked by
 * default. The attribution, the name to show and the consent are checked by
 * {@link StoryController}: they depend on each other.
 */
record StoryForm(@Nullable String formToken,
        @NotBlank(message = "story.error.title") @Size(max = StorySubmission.MAX_TITLE,
                message = "form.error.too-long") @Nullable String title,
        @NotBlank(message = "story.error.body") @Size(max = StorySubmission.MAX_BODY,
                message = "form.error.too-long") @Nullable String body,
        @Nullable String attribution, @Nullable String displayName,
        @Size(max = StorySubmission.MAX_CONTENT_WARNING,
                message = "form.error.too-long") @Nullable String contentWarning,
        @EmailAddress @Nullable String contactEmail, @Nullable Boolean publishOnSite,
        @Nullable Boolean shareWithOffices, @Nullable Boolean shareWithPress, @Nullable String website) {

    StoryForm {
        title = stripped(title);
        body = stripped(body);
        contentWarning = stripped(contentWarning);
        contactEmail = stripped(contactEmail);
    }

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
