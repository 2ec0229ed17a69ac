package org.advocacy.bills;

/** The kinds of measure Congress numbers, with the abbreviation people know them by. */
public enum BillType {

    HR("H.R."), S("S."), HRES("H.Res."), SRES("S.Res."), HJRES("H.J.Res."), SJRES("S.J.Res."), HCONRES("H.Con.Res."),
    SCONRES("S.Con.Res.");

    private final String abbreviation;

    BillType(String abbreviation) {
        this.abbreviation = abbreviation;
    }

    public String abbreviation() {
        return abbreviation;
    }

}
