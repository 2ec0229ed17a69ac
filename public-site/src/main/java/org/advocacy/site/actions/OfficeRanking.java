package org.advocacy.site.actions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import org.advocacy.legislators.Chamber;
import org.advocacy.legislators.DistrictOffice;
import org.advocacy.legislators.DistrictRef;
import org.advocacy.legislators.Legislator;
import org.advocacy.legislators.LegislatorLookup;
import org.advocacy.legislators.LookupException;
import org.advocacy.legislators.LookupService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Orders a legislator's district offices nearest first: an office in the supporter's ZIP,
 * then offices in their district, then by distance. We do not know where a ZIP code is,
 * so its location is approximated from the coordinates of the roster's offices in that
 * ZIP code (or, failing that, in its three-digit ZIP area); without any, the remaining
 * offices are listed by city.
 */
@Component
class OfficeRanking {

    private static final double EARTH_RADIUS_MILES = 3958.8;

    /** An office as shown, with why it is where it is in the list. */
    record RankedOffice(DistrictOffice office, boolean inYourZip, boolean inYourDistrict, @Nullable Long milesAway) {

        public @Nullable String tel() {
            return office.getPhone() == null ? null : CallController.tel(office.getPhone());
        }
    }

    /**
     * A rough location for a ZIP code, and whether it came from the exact ZIP or its
     * area.
     */
    record Place(double latitude, double longitude, boolean exactZip) {
    }

    private final LookupService lookups;

    OfficeRanking(LookupService lookups) {
        this.lookups = lookups;
    }

    /**
     * Approximates the ZIP's location from the offices (of these legislators) that have
     * coordinates.
     */
    @Nullable Place locate(@Nullable String zip, List<Legislator> legislators) {
        if (zip == null) {
            return null;
        }
        Place exact = average(legislators, o -> zip.equals(o.getZip()), true);
        return exact != null ? exact : average(legislators,
                o -> o.getZip() != null && o.getZip().length() >= 3 && o.getZip().startsWith(zip.substring(0, 3)),
                false);
    }

    List<RankedOffice> rank(Legislator legislator, @Nullable String zip, DistrictRef district, @Nullable Place place) {
        Map<String, Boolean> districtOfZip = new HashMap<>();
        List<RankedOffice> ranked = new ArrayList<>();
        for (DistrictOffice office : legislator.getOffices()) {
            boolean inZip = zip != null && zip.equals(office.getZip());
            boolean inDistrict = inZip
                    || (legislator.getChamber() == Chamber.HOUSE
                            && Objects.equals(legislator.getDistrict(), district.district())
                            && legislator.getState().equals(district.state()))
                    || (office.getZip() != null
                            && districtOfZip.computeIfAbsent(office.getZip(), z -> liesIn(z, district)));
            Long miles = place == null || office.getLatitude() == null || office.getLongitude() == null ? null : Math
                .round(distance(place.latitude(), place.longitude(), office.getLatitude(), office.getLongitude()));
            ranked.add(new RankedOffice(office, inZip, inDistrict, miles));
        }
        ranked.sort(Comparator.comparing((RankedOffice r) -> !r.inYourZip())
            .thenComparing(r -> !r.inYourDistrict())
            .thenComparing(r -> r.milesAway() == null ? Long.MAX_VALUE : r.milesAway())
            .thenComparing(r -> r.office().getCity()));
        return ranked;
    }

    private boolean liesIn(String officeZip, DistrictRef district) {
        String five = officeZip.length() >= 5 ? officeZip.substring(0, 5) : officeZip;
        try {
            LegislatorLookup lookup = lookups.lookup(five);
            return lookup.candidates().stream().anyMatch(c -> c.district().equals(district));
        }
        catch (LookupException e) {
            return false;
        }
    }

    private static @Nullable Place average(List<Legislator> legislators, Predicate<DistrictOffice> filter,
            boolean exact) {
        double lat = 0;
        double lon = 0;
        int count = 0;
        for (Legislator legislator : legislators) {
            for (DistrictOffice office : legislator.getOffices()) {
                if (office.getLatitude() != null && office.getLongitude() != null && filter.test(office)) {
                    lat += office.getLatitude();
                    lon += office.getLongitude();
                    count++;
                }
            }
        }
        return count == 0 ? null : new Place(lat / count, lon / count, exact);
    }

    /** Great-circle distance in miles (haversine). */
    static double distance(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_MILES * Math.asin(Math.sqrt(a));
    }

}
