package org.advocacy.site.actions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.stream.Stream;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.advocacy.cwc.CwcVocabulary;
import org.jspecify.annotations.Nullable;

/**
 * What direct delivery (CWC) needs beyond the letter: a name prefix, first and last name,
 * street address, city and ZIP (the state comes from the lookup). All blank means the
 * supporter chose not to give an address. The rules apply only when the supporter gave an
 * address for a letter to an office that takes CWC ({@link Direct}, chosen by
 * {@link CwcLetterDelivery}); values are kept with single spaces, without spaces around.
 */
record CwcAddressForm(@Prefix(groups = Direct.class) String cwcPrefix,
        @NotBlank(groups = Direct.class, message = "cwc.error.cwcFirstName") @Size(max = CwcAddressForm.MAX_NAME,
                groups = Direct.class, message = "form.error.too-long") String cwcFirstName,
        @NotBlank(groups = Direct.class, message = "cwc.error.cwcLastName") @Size(max = CwcAddressForm.MAX_NAME,
                groups = Direct.class, message = "form.error.too-long") String cwcLastName,
        @NotBlank(groups = Direct.class, message = "cwc.error.cwcAddress1") @Size(max = CwcAddressForm.MAX_ADDRESS,
                groups = Direct.class, message = "form.error.too-long") String cwcAddress1,
        @Size(max = CwcAddressForm.MAX_ADDRESS, groups = Direct.class,
                message = "form.error.too-long") String cwcAddress2,
        @NotBlank(groups = Direct.class, message = "cwc.error.cwcCity") @Size(max = CwcAddressForm.MAX_CITY,
                groups = Direct.class, message = "form.error.too-long") String cwcCity,
        @Pattern(regexp = "^[0-9]{5}$", groups = Direct.class, message = "cwc.error.zip") String cwcZip) {

    static final int MAX_NAME = 80;
    static final int MAX_ADDRESS = 200;
    static final int MAX_CITY = 100;

    /** The rules of an address given for direct delivery. */
    interface Direct {

    }

    CwcAddressForm(@Nullable String cwcPrefix, @Nullable String cwcFirstName, @Nullable String cwcLastName,
            @Nullable String cwcAddress1, @Nullable String cwcAddress2, @Nullable String cwcCity,
            @Nullable String cwcZip) {
        this.cwcPrefix = clean(cwcPrefix);
        this.cwcFirstName = clean(cwcFirstName);
        this.cwcLastName = clean(cwcLastName);
        this.cwcAddress1 = clean(cwcAddress1);
        this.cwcAddress2 = clean(cwcAddress2);
        this.cwcCity = clean(cwcCity);
        this.cwcZip = clean(cwcZip);
    }

    static CwcAddressForm empty(@Nullable String zip) {
        return new CwcAddressForm(null, null, null, null, null, null, zip);
    }

    /**
     * True when the supporter left every field of their own blank (the ZIP is filled in
     * for them).
     */
    boolean declined() {
        return Stream.of(cwcPrefix, cwcFirstName, cwcLastName, cwcAddress1, cwcAddress2, cwcCity)
            .allMatch(String::isEmpty);
    }

    private static String clean(@Nullable String value) {
        return value == null ? "" : value.strip().replaceAll("\\s+", " ");
    }

    /** A name prefix CWC accepts ({@link CwcVocabulary#PREFIXES}). */
    @Documented
    @Constraint(validatedBy = Prefix.Rule.class)
    @Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
    @Retention(RetentionPolicy.RUNTIME)
    @interface Prefix {

        String message() default "cwc.error.prefix";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        /** The rule behind the annotation. */
        final class Rule implements ConstraintValidator<Prefix, String> {

            @Override
            public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
                return value != null && CwcVocabulary.PREFIXES.contains(value);
            }

        }

    }
}
