package org.advocacy.site.layout;

import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * The site's {@link FormValidation} over a validator of its own, for unit tests of form
 * rules without an application context.
 */
public final class StandaloneFormValidation {

    private static final FormValidation VALIDATION = new FormValidation(validator());

    private StandaloneFormValidation() {
    }

    public static FormValidation get() {
        return VALIDATION;
    }

    private static LocalValidatorFactoryBean validator() {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        return validator;
    }

}
