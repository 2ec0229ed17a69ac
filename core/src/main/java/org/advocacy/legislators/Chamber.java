package org.advocacy.legislators;

import java.util.Locale;

public enum Chamber {

    HOUSE, SENATE;

    /** The lower-case name the public API uses. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

}
