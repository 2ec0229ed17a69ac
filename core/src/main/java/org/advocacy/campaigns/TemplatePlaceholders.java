package org.advocacy.campaigns;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.advocacy.bills.Bill;
import org.advocacy.legislators.Legislator;
import org.advocacy.shared.Placeholders;
import org.jspecify.annotations.Nullable;

/**
 * The placeholders of campaign templates, in the one syntax of {@link Placeholders}.
 * Saving refuses unknown placeholders ({@link #unknown}); filling never shows one raw: an
 * unknown or empty placeholder becomes nothing, and a value repeated in brackets right
 * after itself ("97201 (97201)") is written once.
 */
public final class TemplatePlaceholders {

    /**
     * Every placeholder templates may use, with what it stands for (shown as help in the
     * console).
     */
    public static final Map<String, String> DOCUMENTED = documented();

    private TemplatePlaceholders() {
    }

    /**
     * "{{a}} ({{b}})": when both fill to the same text, the bracketed copy is dropped.
     */
    private static final Pattern REPEATED = Pattern
        .compile("\\{\\{\\s*([a-zA-Z.]+)\\s*}}(\\s*)\\(\\{\\{\\s*([a-zA-Z.]+)\\s*}}\\)");

    public static String fill(String template, Map<String, String> values) {
        Matcher repeated = REPEATED.matcher(template);
        StringBuilder once = new StringBuilder();
        while (repeated.find()) {
            String first = values.get(repeated.group(1));
            boolean same = first != null && !first.isBlank() && first.equals(values.get(repeated.group(3)));
            repeated.appendReplacement(once,
                    Matcher.quoteReplacement(same ? "{{" + repeated.group(1) + "}}" : repeated.group()));
        }
        repeated.appendTail(once);
        return Placeholders.fill(once, values::get);
    }

    /**
     * The placeholders in a template that are not documented, in the order written, e.g.
     * "unknown.placeholder".
     */
    public static Set<String> unknown(String template) {
        return Placeholders.unknown(template, DOCUMENTED.keySet());
    }

    /**
     * "{{a}}, {{b}}" for a message, saying how a name written the old way is written now.
     */
    public static String listed(Collection<String> names) {
        return Placeholders.listed(names, DOCUMENTED.keySet());
    }

    /**
     * The value of every documented placeholder for one legislator and one supporter. The
     * single place that maps the domain to placeholders, for the public actions and the
     * console preview.
     */
    public static Map<String, String> values(Campaign campaign, @Nullable Bill leadBill, boolean backer,
            Legislator legislator, SampleSupporter supporter) {
        Map<String, String> values = campaignValues(campaign, leadBill);
        values.put("legislator.title", legislator.getTitle());
        values.put("legislator.name", legislator.getDisplayName());
        values.put("legislator.lastName", legislator.getLastName());
        values.put("legislator.state", legislator.getState());
        values.put("legislator.phone", legislator.getPhone() == null ? "" : legislator.getPhone());
        values.put("supporter.name", supporter.name());
        values.put("supporter.place", supporter.place());
        values.put("supporter.zip", supporter.zip());
        values.put("legislator.thanks", thanks(backer, values.get("bill.number")));
        return values;
    }

    /**
     * The values known without a legislator or supporter, for text shown on the campaign
     * page itself (the call to action); the others then fill as nothing.
     */
    public static Map<String, String> campaignValues(Campaign campaign, @Nullable Bill leadBill) {
        Map<String, String> values = new HashMap<>();
        values.put("campaign.title", campaign.getTitle());
        String number = leadBill == null ? "" : leadBill.getDesignation();
        values.put("bill.number", number);
        values.put("bill.title", leadBill == null ? "" : leadBill.getShortTitle());
        values.put("bill.law", leadBill == null || leadBill.getPublicLaw() == null ? number : leadBill.getPublicLaw());
        return values;
    }

    /**
     * The {{legislator.thanks}} sentence: thanks for backers of the bill, an ask to back
     * implementation for everyone else.
     */
    public static String thanks(boolean backer, String billNumber) {
        return backer ? "Thank you for backing " + billNumber + "; your support helped make it law."
                : "Now that " + billNumber + " is law, I ask you to support its strong implementation.";
    }

    private static Map<String, String> documented() {
        Map<String, String> help = new LinkedHashMap<>();
        help.put("legislator.title", "Rep., Sen., Del. or Res. Comm.");
        help.put("legislator.name", "The member's full name");
        help.put("legislator.lastName", "The member's last name");
        help.put("legislator.state", "The member's state (USPS code)");
        help.put("legislator.phone", "The member's Washington phone number");
        help.put("legislator.thanks",
                "After enactment: a sentence thanking the member for sponsoring or "
                        + "cosponsoring the bill; for members who did not back it, a sentence asking them to support "
                        + "strong implementation");
        help.put("supporter.name", "The supporter's name");
        help.put("supporter.place", "The supporter's city, or their ZIP code when the city is unknown "
                + "(\"{{supporter.place}} ({{supporter.zip}})\" then shows the ZIP code once)");
        help.put("supporter.zip", "The supporter's ZIP code");
        help.put("bill.number", "The bill's number, e.g. H.R. 4323");
        help.put("bill.title", "The bill's short title");
        help.put("bill.law", "The public law number once enacted, e.g. Public Law 119-73");
        help.put("campaign.title", "The campaign's title");
        return Collections.unmodifiableMap(help);
    }

}
