package org.advocacy.legislators;

import java.io.Serializable;
import java.util.List;

/**
 * One sitting member as a new roster describes them: their details and their district
 * offices.
 *
 * @param details what the roster says about the member's current term
 * @param offices the member's district offices, each with the roster's stable office id
 */
public record RosterMember(MemberDetails details, List<Office> offices) implements Serializable {

    public RosterMember {
        offices = List.copyOf(offices);
    }

    public String bioguideId() {
        return details.bioguideId();
    }

    /** A district office with the source's id (e.g. "A000055-cullman"). */
    public record Office(String id, OfficeDetails details) implements Serializable {
    }
}
