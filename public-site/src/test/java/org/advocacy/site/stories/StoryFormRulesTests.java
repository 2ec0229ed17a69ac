package org.advocacy.site.stories;

import static org.assertj.core.api.Assertions.assertThat;

import org.advocacy.site.layout.FormErrors;
import org.advocacy.site.layout.FormValidation;
import org.advocacy.site.layout.StandaloneFormValidation;
import org.junit.jupiter.api.Test;

/**
 * The story form's error summary follows the page: title, story, attribution, consent.
 */
class StoryFormRulesTests {

    private final FormValidation validation = StandaloneFormValidation.get();

    @Test
    void aStoryWithNoTextAndNoConsentListsTheStoryBeforeTheConsent() {
        StoryForm form = new StoryForm("token", "A title", " ", "ANONYMOUS", "", "", "", false, false, false, "");
        FormErrors consent = new FormErrors();
        consent.reject("publishOnSite", "story.error.consent");

        assertThat(validation.errors(form, consent).all()).extracting(FormErrors.Error::field)
            .containsExactly("body", "publishOnSite");
    }

}
