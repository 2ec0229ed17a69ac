package org.advocacy.site.layout;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.jspecify.annotations.Nullable;

/**
 * The rules of a letter form, on the site and in the widget: at least one legislator
 * chosen (reported at "targets"), and a letter of at most {@link #max} characters to each
 * one chosen (reported at "body-" and the legislator's bioguide id, the id of its text
 * box). Whether the chosen legislators are the supporter's own is for the caller, which
 * knows them.
 */
@Documented
@Constraint(validatedBy = LetterRules.Rule.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface LetterRules {

    /**
     * The longest letter, in characters; {@link FormValidation} gives it to the message.
     */
    int max();

    String message() default "letter.error.body.required";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** What the rules read of a letter form. */
    interface Letter {

        /** The legislators chosen, each once. */
        List<String> chosenTargets();

        /** The letter to one legislator as typed, empty when none. */
        String body(String bioguideId);

    }

    /** The rules behind the annotation. */
    final class Rule implements ConstraintValidator<LetterRules, Letter> {

        private int max;

        @Override
        public void initialize(LetterRules constraint) {
            this.max = constraint.max();
        }

        @Override
        public boolean isValid(@Nullable Letter letter, ConstraintValidatorContext context) {
            if (letter == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            if (letter.chosenTargets().isEmpty()) {
                valid = reject(context, "targets", "letter.error.no-target");
            }
            for (String id : letter.chosenTargets()) {
                String body = letter.body(id).strip();
                if (body.isEmpty()) {
                    valid = reject(context, "body-" + id, "letter.error.body.required");
                }
                else if (body.length() > max) {
                    valid = reject(context, "body-" + id, "letter.error.body.too-long");
                }
            }
            return valid;
        }

        private static boolean reject(ConstraintValidatorContext context, String field, String messageKey) {
            context.buildConstraintViolationWithTemplate(messageKey).addPropertyNode(field).addConstraintViolation();
            return false;
        }

    }

}
