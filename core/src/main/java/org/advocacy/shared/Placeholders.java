package org.advocacy.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The one placeholder syntax of every template staff write (campaign letters, scripts and
 * calls to action; reminder emails): {@code {{group.name}}}, names in camelCase, spaces
 * inside the braces allowed. Each kind of template has its own list of names (see
 * docs/templates.md); saving refuses a name not on it, and filling never shows a
 * placeholder raw.
 */
public final class Placeholders {

    /**
     * Anything written like a placeholder, known or not, e.g. "{{ unknown.placeholder }}"
     * or "{{first_name}}".
     */
    private static final Pattern ANY = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    /** Names written before there was one syntax, with what they are written as now. */
    public static final Map<String, String> RENAMED = Map.of("supporter.first_name", "supporter.firstName");

    private Placeholders() {
    }

    /**
     * Replaces every placeholder with its value; one without a value becomes nothing,
     * never shown raw.
     */
    public static String fill(CharSequence template, Function<String, @Nullable String> values) {
        return parse(template).fill(values);
    }

    /**
     * A template cut once at its placeholders, to fill many times without matching it
     * again: {@code literals} has one more element than {@code names}, and the filled
     * text is literals[0] + value of names[0] + literals[1] + ... .
     */
    public record Parsed(List<String> literals, List<String> names) {

        /**
         * As {@link Placeholders#fill}: a placeholder without a value becomes nothing.
         */
        public String fill(Function<String, @Nullable String> values) {
            StringBuilder filled = new StringBuilder(literals.getFirst().length() * 2 + 64);
            filled.append(literals.getFirst());
            for (int i = 0; i < names.size(); i++) {
                String value = values.apply(names.get(i));
                filled.append(value == null ? "" : value).append(literals.get(i + 1));
            }
            return filled.toString();
        }

    }

    public static Parsed parse(CharSequence template) {
        Matcher matcher = ANY.matcher(template);
        List<String> literals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int end = 0;
        while (matcher.find()) {
            literals.add(template.subSequence(end, matcher.start()).toString());
            names.add(matcher.group(1));
            end = matcher.end();
        }
        literals.add(template.subSequence(end, template.length()).toString());
        return new Parsed(List.copyOf(literals), List.copyOf(names));
    }

    /**
     * The placeholders in a template that are not among the known names, in the order
     * written.
     */
    public static Set<String> unknown(String template, Set<String> known) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher matcher = ANY.matcher(template);
        while (matcher.find()) {
            if (!known.contains(matcher.group(1))) {
                unknown.add(matcher.group(1));
            }
        }
        return unknown;
    }

    /**
     * "{{a}}, {{b}}" for a message; a name written the old way says how it is written
     * now, e.g. "{{supporter.first_name}} (now written {{supporter.firstName}})".
     */
    public static String listed(Collection<String> names, Set<String> known) {
        return names.stream().map(name -> {
            String now = RENAMED.get(name);
            return now != null && known.contains(now) ? "{{" + name + "}} (now written {{" + now + "}})"
                    : "{{" + name + "}}";
        }).collect(Collectors.joining(", "));
    }

    /** "{{a}}, {{b}}" for a message. */
    public static String listed(Collection<String> names) {
        return names.stream().map(name -> "{{" + name + "}}").collect(Collectors.joining(", "));
    }

}
