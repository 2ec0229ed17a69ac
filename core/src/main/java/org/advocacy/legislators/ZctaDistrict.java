package org.advocacy.legislators;

/** One row of the ZIP (ZCTA) to congressional district table. */
public record ZctaDistrict(String zcta, String state, int district) {

    public ZctaDistrict {
        if (!zcta.matches("^\\d{5}$")) {
            throw new IllegalArgumentException("A ZCTA is five digits, not '" + zcta + "'");
        }
        if (!state.matches("^[A-Z]{2}$")) {
            throw new IllegalArgumentException("A state is a two-letter USPS code, not '" + state + "'");
        }
        if (district < 0 || district > 60) {
            throw new IllegalArgumentException("A district lies between 0 and 60, not " + district);
        }
    }
}
