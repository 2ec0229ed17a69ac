package org.advocacy.legislators;

/**
 * Published after a roster sync that wrote rows, so that caches of lookups can be
 * refreshed.
 */
public record RosterSynced(long runId, int rowsWritten) {
}
