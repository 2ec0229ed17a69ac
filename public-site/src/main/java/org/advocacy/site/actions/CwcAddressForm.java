package org.advocacy.site.actions;

import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * What direct delivery (CWC) needs beyond the letter: a name prefix, first and last name,
 * street address, city and ZIP (the state comes from the lookup). All blank means the
 * supporter chose not to give an address.
 */
record CwcAddressForm(@Nullable String cwcPrefix, @Nullable String cwcFirstName, @Nullable String cwcLastName,
        @Nullable String cwcAddress1, @Nullable String cwcAddress2, @Nullable String cwcCity, @Nullable String cwcZip) {

    static final int MAX_NAME = 80;
    static final int MAX_ADDRESS = 200;
    static final int MAX_CITY = 100;

    static CwcAddressForm empty(@Nullable String zip) {
        return new CwcAddressForm(null, null, null, null, null, null, zip);
    }

    /**
     * True when the supporter left every field of their own blank (the ZIP is filled in
     * for them).
     */
    boolean declined() {
        return Stream.of(cwcPrefix, cwcFirstName, cwcLastName, cwcAddress1, cwcAddress2, cwcCity)
            .allMatch(v -> v == null || v.isBlank());
    }

    static String clean(@Nullable String value) {
        return value == null ? "" : value.strip().replaceAll("\\s+", " ");
    }
}
