package org.advocacy.legislators;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one roster sync changed.
 *
 * @param added bioguide ids of members new to the roster, or back in office
 * @param left bioguide ids of members marked out of office
 * @param changed per changed member, the names of the fields that changed ("offices" for
 * their offices)
 * @param unchanged how many members were already up to date
 * @param officesWritten district office rows inserted, updated or deleted
 * @param rowsWritten every row inserted, updated or deleted in the roster tables
 */
public record RosterSyncSummary(List<String> added, List<String> left, Map<String, List<String>> changed, int unchanged,
        int officesWritten, int rowsWritten) {

    public RosterSyncSummary {
        added = List.copyOf(added);
        left = List.copyOf(left);
        changed = Map.copyOf(changed);
    }

    /** One line for logs and the command line. */
    public String describe() {
        return "added " + added.size() + (added.isEmpty() || added.size() > 20 ? "" : " " + added) + ", left "
                + left.size() + (left.isEmpty() || left.size() > 20 ? "" : " " + left) + ", changed " + changed.size()
                + (changed.isEmpty() || changed.size() > 20 ? "" : " " + new TreeMap<>(changed)) + ", unchanged "
                + unchanged + ", district offices written " + officesWritten + ", rows written " + rowsWritten;
    }
}
