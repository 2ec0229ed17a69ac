package org.advocacy.site.layout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Validation errors of one form, in field order: each field's id and the message key that
 * explains what to fix. Templates render them as an error summary linking to the fields
 * and as a message next to each field.
 */
public final class FormErrors {

    public record Error(String field, String messageKey, @Nullable Object argument) {
    }

    private final Map<String, Error> errors = new LinkedHashMap<>();

    /**
     * The field the summary's notice links to when the whole form, not one field, needs
     * another look.
     */
    public static final String WHOLE_FORM = "error-summary";

    /**
     * Errors starting with the notice for a form sent back sooner than a person usually
     * could: it is shown again, with what they typed, to check and send (see
     * {@code FormGuard}).
     */
    public static FormErrors tooQuick() {
        return new FormErrors().reject(WHOLE_FORM, "form.error.too-quick");
    }

    /**
     * Adds another form's errors after these (a field already rejected keeps its first
     * message).
     */
    public FormErrors addAll(FormErrors other) {
        other.errors.values().forEach(e -> errors.putIfAbsent(e.field(), e));
        return this;
    }

    public FormErrors reject(String field, String messageKey) {
        return reject(field, messageKey, null);
    }

    public FormErrors reject(String field, String messageKey, @Nullable Object argument) {
        errors.putIfAbsent(field, new Error(field, messageKey, argument));
        return this;
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public @Nullable Error get(String field) {
        return errors.get(field);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public boolean any() {
        return !errors.isEmpty();
    }

    public List<Error> all() {
        return List.copyOf(errors.values());
    }

}
