package org.advocacy.legislators;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The answer to "who represents me?" for a ZIP code. When the ZIP lies in several
 * districts and none was chosen, {@link #district()} is empty and {@link #candidates()}
 * lists each district with its member, so the supporter can settle it.
 *
 * @param zip the ZIP (ZCTA) asked about, or null for a territory chosen directly
 * @param candidates every district the ZIP touches, with its sitting Representative if
 * any
 * @param district the district settled on, if any
 * @param representative the settled district's member; empty when the seat is vacant or
 * unsettled
 * @param senators the state's senators; empty for DC and the territories, or when the ZIP
 * spans states and is unsettled
 */
public record LegislatorLookup(@Nullable String zip, List<Candidate> candidates, @Nullable DistrictRef district,
        @Nullable Legislator representative, List<Legislator> senators) {

    public LegislatorLookup {
        candidates = List.copyOf(candidates);
        senators = List.copyOf(senators);
    }

    /** One district a ZIP touches, with its member (none when vacant). */
    public record Candidate(DistrictRef district, @Nullable Legislator representative) {

        public boolean vacant() {
            return representative == null;
        }
    }

    public boolean split() {
        return candidates.size() > 1;
    }

    public boolean settled() {
        return district != null;
    }

    /** The settled seat has no sitting member. */
    public boolean vacant() {
        return district != null && representative == null;
    }

    public Optional<Legislator> representativeIfAny() {
        return Optional.ofNullable(representative);
    }

    public Set<String> states() {
        return candidates.stream().map(c -> c.district().state()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The state, when there is only one. */
    public @Nullable String state() {
        Set<String> states = states();
        return states.size() == 1 ? states.iterator().next() : null;
    }

    /**
     * The settled district's legislators: the Representative (if the seat is filled) then
     * the Senators.
     */
    public List<Legislator> legislators() {
        List<Legislator> all = new ArrayList<>();
        if (representative != null) {
            all.add(representative);
        }
        all.addAll(senators);
        return List.copyOf(all);
    }
}
