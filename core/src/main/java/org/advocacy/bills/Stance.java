package org.advocacy.bills;

/** A member's position on a bill, as staff record it. */
public enum Stance {

    COSPONSOR, SUPPORTER, UNDECIDED, OPPOSED

}
