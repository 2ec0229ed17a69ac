package org.advocacy.site.actions;

import static org.advocacy.site.layout.FormValidation.stripped;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.advocacy.shared.EmailAddress;
import org.jspecify.annotations.Nullable;

/**
 * A meeting request: whom, which office, who is asking, when, and what about. Whether the
 * legislator and office are among the campaign's targets is checked against the request
 * ({@link MeetingController}).
 */
record MeetingForm(@Nullable String formToken, @Nullable String zip, @Nullable String district,
        @Nullable String bioguideId, @Nullable String officeId,
        @NotBlank(message = "form.error.name.required") @Size(max = MeetingForm.MAX_NAME,
                message = "form.error.too-long") @Nullable String name,
        @NotBlank(message = "form.error.email.required") @Size(max = EmailAddress.Rule.MAX_LENGTH,
                message = "form.error.too-long") @EmailAddress @Nullable String email,
        @Pattern(regexp = "^$|^[0-9+().\\- ]{7,30}$", message = "form.error.phone.invalid") @Nullable String phone,
        @NotBlank(message = "meeting.error.dates") @Size(max = MeetingForm.MAX_DATES,
                message = "form.error.too-long") @Nullable String preferredDates,
        @Size(max = MeetingForm.MAX_ORGANISATION, message = "form.error.too-long") @Nullable String organisation,
        @NotBlank(message = "meeting.error.topic") @Size(max = MeetingForm.MAX_TOPIC,
                message = "form.error.too-long") @Nullable String topic,
        @Nullable String website) {

    static final int MAX_NAME = 120;
    static final int MAX_DATES = 300;
    static final int MAX_ORGANISATION = 200;
    static final int MAX_TOPIC = 1000;

    MeetingForm {
        name = stripped(name);
        email = stripped(email);
        phone = stripped(phone);
        preferredDates = stripped(preferredDates);
        organisation = stripped(organisation);
        topic = stripped(topic);
    }
}
