package org.advocacy.legislators;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A congressional district, written "CA-12"; district 0 is an at-large seat or a delegate
 * ("VT-0").
 */
public record DistrictRef(String state, int district) implements Comparable<DistrictRef> {

    private static final Pattern FORMAT = Pattern.compile("^([A-Za-z]{2})-(\\d{1,2})$");

    public DistrictRef {
        if (!state.matches("^[A-Z]{2}$") || district < 0 || district > 60) {
            throw new IllegalArgumentException("Not a district: " + state + "-" + district);
        }
    }

    /**
     * Parses "CA-12" or "vt-0"; throws {@link IllegalArgumentException} for anything
     * else.
     */
    public static DistrictRef parse(String text) {
        Matcher matcher = FORMAT.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("A district is written like CA-12, or VT-0 for an at-large seat");
        }
        return new DistrictRef(matcher.group(1).toUpperCase(Locale.ROOT), Integer.parseInt(matcher.group(2)));
    }

    public boolean atLarge() {
        return district == 0;
    }

    @Override
    public int compareTo(DistrictRef other) {
        int byState = state.compareTo(other.state);
        return byState != 0 ? byState : Integer.compare(district, other.district);
    }

    @Override
    public String toString() {
        return state + "-" + district;
    }
}
