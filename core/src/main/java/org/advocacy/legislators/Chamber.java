package org.advocacy.legislators;

public enum Chamber {
    HOUSE, SENATE;

    /** The lower-case name the public API uses. */
    public String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
