package org.advocacy.site.layout;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.jspecify.annotations.Nullable;

/**
 * A choice among radio buttons: the value must be one of the options (a missing one is
 * not). {@link FormValidation} reports it at the first option's id (e.g.
 * "delivery-MAILTO"), which the error summary links to.
 */
@Documented
@Constraint(validatedBy = OneOf.Rule.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface OneOf {

    /** The options, in the order the form shows them. */
    String[] value();

    /** A message key of the site's bundles. */
    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule behind the annotation. */
    final class Rule implements ConstraintValidator<OneOf, String> {

        private String[] options = {};

        @Override
        public void initialize(OneOf constraint) {
            this.options = constraint.value();
        }

        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
            return value != null && Arrays.asList(options).contains(value);
        }

    }

}
