package org.advocacy.staff;

/**
 * Staff roles. Spring Security sees them as ROLE_ADMIN, ROLE_ORGANIZER and ROLE_VIEWER.
 */
public enum Role {

    /** Everything, including staff users and jobs. */
    ADMIN,
    /** Campaigns, bills, stories, supporters, meeting requests and reminders. */
    ORGANIZER,
    /** Read-only, and no export of supporters' personal data. */
    VIEWER;

    public String authority() {
        return "ROLE_" + name();
    }

}
