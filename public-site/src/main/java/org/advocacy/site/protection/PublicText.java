package org.advocacy.site.protection;

import java.text.Normalizer;

import org.jspecify.annotations.Nullable;

/**
 * The one clean-up of text people type into the public site, applied to every bound
 * request value by {@link PublicTextAdvice}. People never type control characters,
 * bidirectional overrides or invisible format characters; they arrive from copy-paste or
 * from someone who wants a name that reads differently to staff than it is stored, or a
 * name that looks empty. So the text is NFC-normalised; control characters (but tab and
 * line breaks), bidi controls and format characters are dropped; unicode spaces become
 * plain spaces and line/paragraph separators become line breaks; and text with nothing
 * visible left becomes empty, which every form treats as not given. Zero-width joiners
 * and non-joiners and tag characters stay: emoji sequences and several scripts need them.
 */
public final class PublicText {

    private PublicText() {
    }

    public static @Nullable String clean(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder cleaned = new StringBuilder(normalised.length());
        boolean visible = false;
        for (int i = 0; i < normalised.length();) {
            int c = normalised.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\t' || c == '\n' || c == '\r') {
                cleaned.append((char) c);
            }
            else if (c == '\u2028' || c == '\u2029') {
                cleaned.append('\n');
            }
            else if (Character.getType(c) == Character.SPACE_SEPARATOR) {
                cleaned.append(' ');
            }
            else if (!dropped(c)) {
                cleaned.appendCodePoint(c);
                visible |= isVisible(c);
            }
        }
        return visible ? cleaned.toString() : "";
    }

    private static boolean dropped(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.SURROGATE, Character.UNASSIGNED -> true;
            // Zero-width (non-)joiner and the emoji tag characters are needed; every
            // other format character
            // (bidi embeddings, overrides and isolates, marks, zero-width space, word
            // joiner, BOM, soft hyphen) goes.
            case Character.FORMAT -> c != 0x200C && c != 0x200D && !(c >= 0xE0020 && c <= 0xE007F);
            default -> c == 0xFFFE || c == 0xFFFF;
        };
    }

    /** A letter, digit, punctuation or symbol: something a reader sees. */
    private static boolean isVisible(int c) {
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL,
                    Character.PRIVATE_USE ->
                true;
            default -> false;
        };
    }

}
