package org.advocacy.site.supporters;

import static org.advocacy.site.layout.FormValidation.stripped;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.advocacy.shared.EmailAddress;
import org.jspecify.annotations.Nullable;

/**
 * The supporter-details form: name, email, ZIP, and the separate, unticked "send me
 * updates" box.
 */
record DetailsForm(
        @NotBlank(message = "form.error.name.required") @Size(max = DetailsForm.MAX_NAME,
                message = "form.error.too-long") @Nullable String name,
        @NotBlank(message = "form.error.email.required") @EmailAddress @Nullable String email,
        @NotBlank(message = "form.error.zip.required") @Pattern(regexp = "^\\d{5}$",
                message = "form.error.zip.invalid") @Nullable String zip,
        @Nullable Boolean updates, @Nullable String next, @Nullable String formToken, @Nullable String website) {

    static final int MAX_NAME = 120;

    DetailsForm {
        name = stripped(name);
        email = stripped(email);
        zip = stripped(zip);
    }

    static DetailsForm empty(String next, String formToken) {
        return new DetailsForm("", "", "", false, next, formToken, "");
    }

    public boolean wantsUpdates() {
        return Boolean.TRUE.equals(updates);
    }
}
