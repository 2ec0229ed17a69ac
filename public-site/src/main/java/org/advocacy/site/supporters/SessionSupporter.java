package org.advocacy.site.supporters;

import java.io.Serializable;

/** The supporter's details kept for this visit, so each action does not ask again. */
public record SessionSupporter(long id, String name, String email, String zip) implements Serializable {

    /** The supporter's place for letters: their ZIP (we do not ask for a city). */
    public String place() {
        return zip;
    }
}
