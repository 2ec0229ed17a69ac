package org.advocacy.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.jspecify.annotations.Nullable;

/**
 * An email address we can write to: something@domain.tld, at most 254 characters, spaces
 * around it ignored. A missing or blank value passes (pair it with {@code @NotBlank}
 * where one is required). The one email rule: forms use the annotation, services
 * {@link Rule#valid}.
 */
@Documented
@Constraint(validatedBy = EmailAddress.Rule.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface EmailAddress {

    /** A message key of the site's bundles. */
    String message() default "form.error.email.invalid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule behind the annotation. */
    final class Rule implements ConstraintValidator<EmailAddress, String> {

        public static final int MAX_LENGTH = 254;

        private static final Pattern PATTERN = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

        /** Whether a given (non-blank) address is one we can write to. */
        public static boolean valid(String email) {
            String stripped = email.strip();
            return stripped.length() <= MAX_LENGTH && PATTERN.matcher(stripped).matches();
        }

        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || valid(value);
        }

    }

}
