package org.advocacy.legislators;

/** The kind of seat a member holds, with the title used in a letter's salutation. */
public enum LegislatorRole {

    SENATOR("Sen."), REPRESENTATIVE("Rep."),
    /**
     * The House member for DC or a territory without senators (us_state.has_senators).
     */
    DELEGATE("Del."),
    /** Puerto Rico's House member, the Resident Commissioner. */
    COMMISSIONER("Res. Comm.");

    private final String title;

    LegislatorRole(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

}
