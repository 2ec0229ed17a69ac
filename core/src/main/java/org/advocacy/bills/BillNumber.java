package org.advocacy.bills;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A bill's number as people write it, e.g. "119 H.R. 4323" or "117th S.Con.Res. 7". */
public record BillNumber(int congress, BillType type, int number) {

    private static final Pattern FORM = Pattern
        .compile("^\\s*(\\d{1,3})(?:st|nd|rd|th)?\\s+([A-Za-z.\\s]+?)\\s*(\\d{1,5})\\s*$");

    /** Reads a number, or explains in plain words what is wrong. */
    public static BillNumber parse(String text) {
        Matcher matcher = FORM.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "Write the Congress, the type and the number, for example \"119 H.R. 4323\".");
        }
        String code = matcher.group(2).replaceAll("[.\\s]", "").toUpperCase(Locale.ROOT);
        BillType type;
        try {
            type = BillType.valueOf(code);
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "\"" + matcher.group(2).strip() + "\" is not a kind of bill. Use H.R., S., "
                            + "H.Res., S.Res., H.J.Res., S.J.Res., H.Con.Res. or S.Con.Res.");
        }
        int congress = Integer.parseInt(matcher.group(1));
        int number = Integer.parseInt(matcher.group(3));
        if (congress < 93 || congress > 200) {
            throw new IllegalArgumentException(
                    "Bill Status files exist from the 93rd Congress on; \"" + congress + "\" is not one of them.");
        }
        if (number < 1) {
            throw new IllegalArgumentException("The bill number must be a positive number, e.g. 4323.");
        }
        return new BillNumber(congress, type, number);
    }

    @Override
    public String toString() {
        return congress + " " + type.abbreviation() + " " + number;
    }
}
