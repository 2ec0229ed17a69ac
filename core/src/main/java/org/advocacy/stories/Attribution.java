package org.advocacy.stories;

/** How a survivor chose to be credited. */
public enum Attribution {

    NAME, PSEUDONYM, ANONYMOUS

}
