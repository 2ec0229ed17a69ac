package org.advocacy.site.layout;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks a form record's Bean Validation constraints with the application's validator and
 * turns them into {@link FormErrors}: each constraint's message is a message key of the
 * site's bundles, a constraint's {@code max} (a {@code @Size}'s, a {@link LetterRules}')
 * is the message's argument, a {@link OneOf} is reported at its first option, and the
 * errors come in the order of the record's fields, with a missing value reported before a
 * too-long one and that before any other rule. Checks that need more than the form (the
 * chosen legislator among the targets, an address in the district) are added by the
 * caller, and take their place in the same order. This is the site's one way to validate
 * a form.
 */
@Component
public class FormValidation {

    private final Validator validator;

    /**
     * The position of each field of each form record, for the order of the error summary.
     */
    private final Map<Class<?>, Map<String, Integer>> fieldOrder = new ConcurrentHashMap<>();

    FormValidation(Validator validator) {
        this.validator = validator;
    }

    /**
     * The form's errors, with {@code more} (errors only the caller can find) in their
     * place among them.
     */
    public FormErrors errors(Record form, FormErrors more, Class<?>... groups) {
        Set<ConstraintViolation<Record>> violations = validator.validate(form, groups);
        if (violations.isEmpty() && more.isEmpty()) {
            // The usual case, on every valid post: nothing to order.
            return more;
        }
        Map<String, Integer> order = fieldOrder.computeIfAbsent(form.getClass(), FormValidation::order);
        List<FormErrors.Error> all = new ArrayList<>(more.all());
        violations.stream()
            .sorted(Comparator.comparingInt(FormValidation::precedence))
            .map(FormValidation::error)
            .forEach(all::add);
        // A stable sort keeps, within one field, the caller's errors first and then the
        // constraints' by precedence.
        all.sort(Comparator.<FormErrors.Error>comparingInt(e -> position(order, fieldOf(e.field())))
            .thenComparingInt(e -> letterPosition(form, e.field())));
        FormErrors errors = new FormErrors();
        all.forEach(e -> errors.reject(e.field(), e.messageKey(), e.argument()));
        return errors;
    }

    /** The form's errors. */
    public FormErrors errors(Record form) {
        return errors(form, new FormErrors());
    }

    /** Text as the form checks and keeps it: without the spaces around it. */
    public static @Nullable String stripped(@Nullable String value) {
        return value == null ? null : value.strip();
    }

    private static FormErrors.Error error(ConstraintViolation<?> violation) {
        Object constraint = violation.getConstraintDescriptor().getAnnotation();
        String field = violation.getPropertyPath().toString();
        if (constraint instanceof OneOf oneOf) {
            field = field + "-" + oneOf.value()[0];
        }
        Object max = violation.getConstraintDescriptor().getAttributes().get("max");
        return new FormErrors.Error(field, violation.getMessageTemplate(), max);
    }

    private static int precedence(ConstraintViolation<?> violation) {
        Object constraint = violation.getConstraintDescriptor().getAnnotation();
        return constraint instanceof NotBlank ? 0 : constraint instanceof Size ? 1 : 2;
    }

    /**
     * "attribution-ANONYMOUS", the id of a choice's first option, belongs to the field
     * "attribution".
     */
    private static String fieldOf(String id) {
        int dash = id.indexOf('-');
        return dash < 0 ? id : id.substring(0, dash);
    }

    /**
     * A field's place among the record's. A letter's text box "body-S000033" (see
     * {@link LetterRules}) is one of the record's "bodies"; a record with a field of its
     * own named "body" (the story form) keeps that field's place.
     */
    private static int position(Map<String, Integer> order, String field) {
        Integer own = order.get(field);
        if (own != null) {
            return own;
        }
        return order.getOrDefault("body".equals(field) ? "bodies" : field, Integer.MAX_VALUE);
    }

    /**
     * The letters' text boxes in the order of the chosen legislators, as the page shows
     * them (a validator reports them in no order).
     */
    private static int letterPosition(Record form, String field) {
        return form instanceof LetterRules.Letter letter && field.startsWith("body-")
                ? letter.chosenTargets().indexOf(field.substring("body-".length())) : 0;
    }

    private static Map<String, Integer> order(Class<?> type) {
        Map<String, Integer> order = new HashMap<>();
        RecordComponent[] components = type.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            order.put(components[i].getName(), i);
        }
        return order;
    }

}
