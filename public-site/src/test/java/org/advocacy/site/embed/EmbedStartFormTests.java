package org.advocacy.site.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.advocacy.site.layout.FormErrors;
import org.advocacy.site.layout.FormValidation;
import org.advocacy.site.layout.StandaloneFormValidation;
import org.junit.jupiter.api.Test;

/** The widget's first form follows the site's details form's rules. */
class EmbedStartFormTests {

    private final FormValidation validation = StandaloneFormValidation.get();

    private static EmbedStartForm form(String name, String email, String zip) {
        return new EmbedStartForm("state", "token", "", name, email, zip, null, true, "LETTER");
    }

    @Test
    void aFilledInFormPassesWithoutTheSpacesAround() {
        EmbedStartForm form = form(" Ada ", " ada@example.org ", " 05401 ");
        assertThat(validation.errors(form).any()).isFalse();
        assertThat(form.name()).isEqualTo("Ada");
        assertThat(form.email()).isEqualTo("ada@example.org");
        assertThat(form.zip()).isEqualTo("05401");
    }

    @Test
    void missingValuesAreEachNamed() {
        assertThat(validation.errors(form(" ", "", "")).all())
            .extracting(FormErrors.Error::field, FormErrors.Error::messageKey)
            .containsExactly(tuple("name", "form.error.name.required"), tuple("email", "form.error.email.required"),
                    tuple("zip", "form.error.zip.required"));
    }

    @Test
    void wrongValuesSayWhatIsWrong() {
        FormErrors errors = validation.errors(form("n".repeat(EmbedStartForm.MAX_NAME + 1), "ada@example", "5401"));
        assertThat(errors.all()).extracting(FormErrors.Error::field, FormErrors.Error::messageKey)
            .containsExactly(tuple("name", "form.error.too-long"), tuple("email", "form.error.email.invalid"),
                    tuple("zip", "form.error.zip.invalid"));
        assertThat(errors.get("name").argument()).isEqualTo(EmbedStartForm.MAX_NAME);
        assertThat(validation.errors(form("Ada", "a".repeat(250) + "@example.org", "05401")).all())
            .extracting(FormErrors.Error::messageKey)
            .containsExactly("form.error.email.invalid");
    }

}
