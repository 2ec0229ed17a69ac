package org.advocacy.site.actions;

import static org.advocacy.site.layout.FormValidation.stripped;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.advocacy.site.layout.LetterRules;
import org.advocacy.site.layout.OneOf;
import org.jspecify.annotations.Nullable;

/**
 * The letter form: which legislators to write to, the subject, each legislator's
 * (editable) letter keyed by bioguide id, and how the supporter will send it. Whether the
 * chosen legislators are among the campaign's targets is checked against the request
 * ({@link LetterController}). The widget's letter is checked as one too.
 */
@LetterRules(max = LetterForm.MAX_BODY)
public record LetterForm(@Nullable String formToken, @Nullable String zip, @Nullable String district,
        @Nullable List<String> targets,
        @NotBlank(message = "letter.error.subject.required") @Size(max = LetterForm.MAX_SUBJECT,
                message = "form.error.too-long") @Nullable String subject,
        @Nullable Map<String, String> bodies, @OneOf(value = {
                "MAILTO", "CONTACT_FORM", "COPIED" }, message = "letter.error.delivery") @Nullable String delivery,
        @Nullable String website) implements LetterRules.Letter{

    public static final int MAX_BODY = 10_000;

    public static final int MAX_SUBJECT = 200;

    /** The ways to send a letter oneself, in the order the form shows them. */
    public static final List<String> DELIVERIES = List.of("MAILTO", "CONTACT_FORM", "COPIED");

    public LetterForm {
        subject = stripped(subject);
    }

    @Override
    public List<String> chosenTargets() {
        return targets == null ? List.of()
                : targets.stream().filter(t -> t != null && !t.isBlank()).distinct().toList();
    }

    @Override
    public String body(String bioguideId) {
        String body = bodies == null ? null : bodies.get(bioguideId);
        return body == null ? "" : body;
    }
}
