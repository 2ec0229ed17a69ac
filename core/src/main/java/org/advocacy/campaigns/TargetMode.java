package org.advocacy.campaigns;

/** Which of a supporter's legislators a campaign asks them to contact. */
public enum TargetMode {

    /** Every member of the targeted chambers. */
    ALL,
    /** Only members who have not cosponsored the campaign's bills. */
    NON_COSPONSORS,
    /** Only the members staff picked. */
    SPECIFIC

}
