package org.advocacy.site.embed;

import static org.advocacy.site.layout.FormValidation.stripped;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.advocacy.shared.EmailAddress;
import org.jspecify.annotations.Nullable;

/**
 * The widget's first step: who the supporter is, their ZIP (and district, for a split
 * ZIP) and which action. Which actions may be chosen is checked against the widget's
 * sealed state ({@link EmbedStartController}).
 */
record EmbedStartForm(@Nullable String state, @Nullable String formToken, @Nullable String website,
        @NotBlank(message = "form.error.name.required") @Size(max = EmbedStartForm.MAX_NAME,
                message = "form.error.too-long") @Nullable String name,
        @NotBlank(message = "form.error.email.required") @EmailAddress @Nullable String email,
        @NotBlank(message = "form.error.zip.required") @Pattern(regexp = "^\\d{5}$",
                message = "form.error.zip.invalid") @Nullable String zip,
        @Nullable String district, @Nullable Boolean updates, @Nullable String action) {

    static final int MAX_NAME = 120;

    EmbedStartForm {
        name = stripped(name);
        email = stripped(email);
        zip = stripped(zip);
    }

    static EmbedStartForm empty(String state, String formToken) {
        return new EmbedStartForm(state, formToken, "", "", "", "", null, false, null);
    }

    EmbedStartForm withToken(String token) {
        return new EmbedStartForm(state, token, website, name, email, zip, district, updates, action);
    }

    public boolean wantsUpdates() {
        return Boolean.TRUE.equals(updates);
    }

    static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
