package org.advocacy.legislators;

import java.util.List;

import org.advocacy.legislators.LegislatorLookup.Candidate;
import org.advocacy.legislators.LookupException.Reason;
import org.advocacy.legislators.internal.ZctaDistrictRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds a supporter's Representative and Senators from their ZIP code. A ZIP in one district
 * is answered at once; a ZIP in several comes back unsettled, with every candidate, until the
 * supporter picks a district (or gives an address, see the geocoding lookup).
 */
@Service
@Transactional(readOnly = true)
public class LookupService {

    private final ZctaDistrictRepository zctas;
    private final LegislatorService legislators;

    LookupService(ZctaDistrictRepository zctas, LegislatorService legislators) {
        this.zctas = zctas;
        this.legislators = legislators;
    }

    public LegislatorLookup lookup(String zip) {
        List<DistrictRef> districts = districtsOf(zip);
        List<Candidate> candidates = candidates(districts);
        if (candidates.size() == 1) {
            return settle(zip.strip(), candidates, candidates.getFirst().district());
        }
        String onlyState = districts.stream().map(DistrictRef::state).distinct().count() == 1
                ? districts.getFirst().state() : null;
        return new LegislatorLookup(zip.strip(), candidates, null, null,
                onlyState == null ? List.of() : legislators.senators(onlyState));
    }

    /** Settles a split ZIP on the district the supporter chose, which must be one the ZIP lies in. */
    public LegislatorLookup lookup(String zip, DistrictRef chosen) {
        List<DistrictRef> districts = districtsOf(zip);
        if (!districts.contains(chosen)) {
            throw new LookupException(Reason.DISTRICT_NOT_IN_ZIP,
                    "ZIP code " + zip.strip() + " does not lie in " + chosen + "; it lies in " + districts);
        }
        return settle(zip.strip(), candidates(districts), chosen);
    }

    /**
     * A district chosen without a ZIP: for DC and the territories, which the ZIP table does not
     * cover, or for a supporter who knows their district.
     */
    public LegislatorLookup lookupDistrict(DistrictRef district) {
        if (legislators.state(district.state()).isEmpty()) {
            throw new LookupException(Reason.DISTRICT_NOT_IN_ZIP, "There is no state or territory " + district.state());
        }
        return settle(null, candidates(List.of(district)), district);
    }

    private LegislatorLookup settle(String zip, List<Candidate> candidates, DistrictRef district) {
        Legislator representative = legislators.representative(district.state(), district.district()).orElse(null);
        return new LegislatorLookup(zip, candidates, district, representative, legislators.senators(district.state()));
    }

    private List<Candidate> candidates(List<DistrictRef> districts) {
        return districts.stream()
                .map(d -> new Candidate(d, legislators.representative(d.state(), d.district()).orElse(null)))
                .toList();
    }

    private List<DistrictRef> districtsOf(String zip) {
        String trimmed = zip == null ? "" : zip.strip();
        if (!trimmed.matches("^\\d{5}$")) {
            throw new LookupException(Reason.MALFORMED_ZIP, "A ZIP code is five digits, like 20002");
        }
        List<DistrictRef> districts = zctas.districtsOf(trimmed);
        if (districts.isEmpty()) {
            throw new LookupException(Reason.UNKNOWN_ZIP, "No congressional district is known for ZIP code " + trimmed);
        }
        return districts;
    }
}
