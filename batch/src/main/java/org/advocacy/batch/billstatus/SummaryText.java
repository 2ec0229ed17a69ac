package org.advocacy.batch.billstatus;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * A summary's HTML as plain text: the OWASP sanitizer (no element allowed) parses the
 * HTML and keeps only its text, paragraph and list breaks become new lines, and the
 * entities it writes are decoded, so the text is safe to show escaped anywhere.
 */
final class SummaryText {

    private static final PolicyFactory TEXT_ONLY = new HtmlPolicyBuilder().toFactory();

    private static final Pattern BREAKS = Pattern.compile("(?i)<\\s*(/p|br\\s*/?|/li|/h\\d|/div|/blockquote)\\s*>");

    private static final Pattern ENTITY = Pattern.compile("&(#\\d+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);");

    private static final int MAX = 20_000;

    private SummaryText() {
    }

    static String of(String html) {
        String marked = BREAKS.matcher(html).replaceAll("$0\u2029");
        String text = decode(TEXT_ONLY.sanitize(marked));
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.split("\u2029")) {
            String line = paragraph.strip().replaceAll("\\s+", " ");
            if (!line.isEmpty()) {
                out.append(out.isEmpty() ? "" : "\n\n").append(line);
            }
        }
        return out.length() <= MAX ? out.toString() : out.substring(0, MAX - 1) + "…";
    }

    private static String decode(String escaped) {
        Matcher matcher = ENTITY.matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String entity = matcher.group(1);
            String replacement = switch (entity) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> Character.toString(entity.startsWith("#x") ? Integer.parseInt(entity.substring(2), 16)
                        : Integer.parseInt(entity.substring(1)));
            };
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

}
