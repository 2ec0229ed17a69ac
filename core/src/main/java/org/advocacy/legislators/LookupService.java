package org.advocacy.legislators;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.advocacy.legislators.LegislatorLookup.Candidate;
import org.advocacy.legislators.LookupException.Reason;
import org.advocacy.legislators.internal.CensusGeocoder;
import org.advocacy.legislators.internal.ZctaDistrictRepository;
import org.jspecify.annotations.Nullable;
import org.advocacy.shared.CacheNames;
import org.advocacy.shared.PublicContentVersion;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Finds a supporter's Representative and Senators from their ZIP code. A ZIP in one
 * district is answered at once; a ZIP in several comes back unsettled, with every
 * candidate, until the supporter picks a district (or gives an address, see the geocoding
 * lookup).
 * <p>
 * Answers by ZIP and district are cached ({@link CacheNames#LOOKUP_ANSWERS}) until public
 * content changes on any instance, which includes a roster sync and a ZIP table import
 * (every campaign's visitors ask the same few thousand questions); answers by street
 * address are not. There is no transaction around a lookup: a remembered answer needs no
 * connection, and the geocoder is never called while one is held.
 */
@Service
public class LookupService {

    private final ZctaDistrictRepository zctas;

    private final LegislatorService legislators;

    private final CensusGeocoder geocoder;

    private final PublicContentVersion contentVersion;

    private final Cache answers;

    LookupService(ZctaDistrictRepository zctas, LegislatorService legislators, CensusGeocoder geocoder,
            PublicContentVersion contentVersion, CacheManager caches) {
        this.zctas = zctas;
        this.legislators = legislators;
        this.geocoder = geocoder;
        this.contentVersion = contentVersion;
        this.answers = Objects.requireNonNull(caches.getCache(CacheNames.LOOKUP_ANSWERS));
    }

    public LegislatorLookup lookup(String zip) {
        return remembered(String.valueOf(zip).strip(), () -> lookupUncached(zip));
    }

    /**
     * Settles a split ZIP on the district the supporter chose, which must be one the ZIP
     * lies in.
     */
    public LegislatorLookup lookup(String zip, DistrictRef chosen) {
        return remembered(String.valueOf(zip).strip() + "|" + chosen, () -> lookupUncached(zip, chosen));
    }

    /**
     * A district chosen without a ZIP: for DC and the territories, which the ZIP table
     * does not cover, or for a supporter who knows their district.
     */
    public LegislatorLookup lookupDistrict(DistrictRef district) {
        return remembered("|" + district, () -> lookupDistrictUncached(district));
    }

    private LegislatorLookup remembered(String key, Supplier<LegislatorLookup> lookup) {
        // A failed lookup (LookupException) is thrown as it is and not cached.
        return Objects.requireNonNull(contentVersion.cached(answers, key, lookup));
    }

    /**
     * Roster and ZIP table rows are written without JPA, so the entity listener does not
     * see them: after the commit (earlier would let a lookup meanwhile cache the old rows
     * again), public content has changed, here and on every instance.
     */
    @TransactionalEventListener(classes = { RosterSynced.class, DistrictsImported.class }, fallbackExecution = true)
    void rosterReplaced() {
        contentVersion.changed();
    }

    private LegislatorLookup lookupUncached(String zip) {
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

    private LegislatorLookup lookupUncached(String zip, DistrictRef chosen) {
        List<DistrictRef> districts = districtsOf(zip);
        if (!districts.contains(chosen)) {
            throw new LookupException(Reason.DISTRICT_NOT_IN_ZIP,
                    "ZIP code " + zip.strip() + " does not lie in " + chosen + "; it lies in " + districts);
        }
        return settle(zip.strip(), candidates(districts), chosen);
    }

    /**
     * Settles a ZIP on the district of a street address, found by the Census geocoder.
     * Throws {@link LookupException} with {@link Reason#GEOCODER_UNAVAILABLE} when the
     * geocoder cannot be reached (the caller then offers the list of districts),
     * {@link Reason#ADDRESS_NOT_FOUND} when it matches no address, and
     * {@link Reason#DISTRICT_NOT_IN_ZIP} when the address lies outside the ZIP's
     * districts.
     */
    public LegislatorLookup lookup(String zip, String address) {
        List<DistrictRef> districts = districtsOf(zip);
        String street = address == null ? "" : address.strip();
        if (street.isEmpty() || street.length() > 200) {
            throw new LookupException(Reason.ADDRESS_NOT_FOUND, "Give a street address of up to 200 characters");
        }
        if (districts.size() == 1) {
            return settle(zip.strip(), candidates(districts), districts.getFirst());
        }
        String oneLine = street.contains(zip.strip()) ? street : street + ", " + zip.strip();
        DistrictRef found = geocoder.district(oneLine)
            .orElseThrow(() -> new LookupException(Reason.ADDRESS_NOT_FOUND,
                    "No congressional district was found for that address"));
        if (!districts.contains(found)) {
            throw new LookupException(Reason.DISTRICT_NOT_IN_ZIP,
                    "That address lies in " + found + ", which is not one of the districts of ZIP code " + zip.strip());
        }
        return settle(zip.strip(), candidates(districts), found);
    }

    private LegislatorLookup lookupDistrictUncached(DistrictRef district) {
        if (legislators.state(district.state()).isEmpty()) {
            throw new LookupException(Reason.DISTRICT_NOT_IN_ZIP, "There is no state or territory " + district.state());
        }
        if (!zctas.districtExists(district)
                && legislators.representative(district.state(), district.district()).isEmpty()) {
            throw new LookupException(Reason.DISTRICT_NOT_IN_ZIP, "There is no congressional district " + district);
        }
        return settle(null, candidates(List.of(district)), district);
    }

    private LegislatorLookup settle(@Nullable String zip, List<Candidate> candidates, DistrictRef district) {
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
