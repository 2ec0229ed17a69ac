package org.advocacy.campaigns;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {{placeholders}} in campaign templates. Unknown placeholders are left as written so
 * that a typo shows in the preview instead of silently vanishing.
 */
public final class TemplatePlaceholders {

    /** Every placeholder templates may use, with what it stands for (shown as help in the console). */
    public static final Map<String, String> DOCUMENTED = documented();

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z]+(?:\\.[a-zA-Z]+)*)\\s*}}");

    private TemplatePlaceholders() {
    }

    public static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value != null ? value : matcher.group()));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    /**
     * The {{legislator.thanks}} sentence: thanks for backers of the bill, an ask to back
     * implementation for everyone else.
     */
    public static String thanks(boolean backer, String billNumber) {
        return backer
                ? "Thank you for backing " + billNumber + "; your support helped make it law."
                : "Now that " + billNumber + " is law, I ask you to support its strong implementation.";
    }

    private static Map<String, String> documented() {
        Map<String, String> help = new LinkedHashMap<>();
        help.put("legislator.title", "Rep., Sen., Del. or Res. Comm.");
        help.put("legislator.name", "The member's full name");
        help.put("legislator.lastName", "The member's last name");
        help.put("legislator.state", "The member's state (USPS code)");
        help.put("legislator.phone", "The member's Washington phone number");
        help.put("legislator.thanks", "After enactment: a sentence thanking the member for sponsoring or "
                + "cosponsoring the bill; for members who did not back it, a sentence asking them to support "
                + "strong implementation");
        help.put("supporter.name", "The supporter's name");
        help.put("supporter.place", "The supporter's city, or their ZIP code when the city is unknown");
        help.put("supporter.zip", "The supporter's ZIP code");
        help.put("bill.number", "The bill's number, e.g. H.R. 4323");
        help.put("bill.title", "The bill's short title");
        help.put("bill.law", "The public law number once enacted, e.g. Public Law 119-73");
        help.put("campaign.title", "The campaign's title");
        return java.util.Collections.unmodifiableMap(help);
    }
}
