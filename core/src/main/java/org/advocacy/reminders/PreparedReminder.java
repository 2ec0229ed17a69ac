package org.advocacy.reminders;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.advocacy.shared.Placeholders;
import org.advocacy.shared.RichText;
import org.jspecify.annotations.Nullable;

/**
 * A reminder's subject and bodies prepared once for a run (see
 * {@link ReminderRenderer#prepare}): cut at their placeholders, and the HTML with its
 * footer sanitised once, with a marker in place of each placeholder, so that each email
 * only puts its recipient's values between the sanitised pieces.
 *
 * <p>
 * A value goes into the sanitised HTML encoded as the sanitiser encodes text where it
 * kept the value's marker as text, and as it is inside a kept attribute only when it is a
 * plain token (letters, digits, '-', '_': an unsubscribe token): either way it can
 * neither add markup nor change where a link goes, just as when the filled HTML is
 * sanitised. Every other case (the sanitiser dropped or moved a marker, a value with
 * control characters or another value in an attribute) falls back to sanitising that
 * email's HTML whole.
 */
final class PreparedReminder {

    /**
     * The footer's and {{unsubscribe.url}}'s token: not a placeholder staff can write.
     */
    static final String UNSUBSCRIBE_TOKEN = "unsubscribe.token";

    private static final Pattern PLAIN_TOKEN = Pattern.compile("[A-Za-z0-9_-]*");

    private final String subject;

    private final String html;

    private final String text;

    private final Placeholders.Parsed subjectParts;

    private final Placeholders.Parsed textParts;

    /** The sanitised HTML cut at the markers; null when it is sanitised per email. */
    private final Placeholders.@Nullable Parsed htmlParts;

    private final boolean[] inAttribute;

    private PreparedReminder(String subject, String html, String text, Placeholders.@Nullable Parsed htmlParts,
            boolean[] inAttribute) {
        this.subject = subject;
        this.html = html;
        this.text = text;
        this.subjectParts = Placeholders.parse(subject);
        this.textParts = Placeholders.parse(text);
        this.htmlParts = htmlParts;
        this.inAttribute = inAttribute;
    }

    String subject() {
        return subject;
    }

    String html() {
        return html;
    }

    String text() {
        return text;
    }

    Placeholders.Parsed subjectParts() {
        return subjectParts;
    }

    Placeholders.Parsed textParts() {
        return textParts;
    }

    /**
     * Prepares the HTML: {@code sanitised} is the sanitised document in which
     * {@code markers.get(i)} stood for {@code names.get(i)}.
     */
    static PreparedReminder of(String subject, String html, String text, String sanitised, List<String> markers,
            List<String> names) {
        List<String> literals = new ArrayList<>();
        boolean[] inAttribute = new boolean[markers.size()];
        int from = 0;
        for (int i = 0; i < markers.size(); i++) {
            int at = sanitised.indexOf(markers.get(i), from);
            if (at < 0 || sanitised.indexOf(markers.get(i), at + 1) >= 0) {
                // Dropped (or repeated) by the sanitiser: only sanitising the filled HTML
                // says what the value would become there.
                return new PreparedReminder(subject, html, text, null, inAttribute);
            }
            literals.add(sanitised.substring(from, at));
            // The sanitiser's output escapes every '<' and '>' in text and attributes.
            inAttribute[i] = sanitised.lastIndexOf('<', at) > sanitised.lastIndexOf('>', at);
            from = at + markers.get(i).length();
        }
        literals.add(sanitised.substring(from));
        return new PreparedReminder(subject, html, text, new Placeholders.Parsed(literals, names), inAttribute);
    }

    /**
     * The sanitised HTML for one recipient, or null when it has to be sanitised whole.
     */
    @Nullable String html(Map<String, String> values, String unsubscribeToken) {
        Placeholders.Parsed parts = htmlParts;
        if (parts == null) {
            return null;
        }
        List<String> literals = parts.literals();
        StringBuilder filled = new StringBuilder(literals.getFirst().length() * 2 + 256);
        filled.append(literals.getFirst());
        for (int i = 0; i < parts.names().size(); i++) {
            String name = parts.names().get(i);
            String value = UNSUBSCRIBE_TOKEN.equals(name) ? unsubscribeToken : values.getOrDefault(name, "");
            if (inAttribute[i]) {
                if (!PLAIN_TOKEN.matcher(value).matches()) {
                    return null;
                }
                filled.append(value);
            }
            else {
                if (!printable(value)) {
                    return null;
                }
                filled.append(RichText.sanitizedText(value));
            }
            filled.append(literals.get(i + 1));
        }
        return filled.toString();
    }

    /** No control characters, surrogates or non-characters, which the sanitiser drops. */
    private static boolean printable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)
                    || Character.isSurrogate(c) || c >= 0xfdd0 && (c <= 0xfdef || c >= 0xfffe)) {
                return false;
            }
        }
        return true;
    }

}
