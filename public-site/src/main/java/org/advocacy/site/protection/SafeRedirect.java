package org.advocacy.site.protection;

import org.jspecify.annotations.Nullable;

/**
 * The one check for a "go back to" address taken from a request ({@code next=}): only a
 * path on this site is followed. It must start with one slash (not {@code //}, which
 * browsers read as another host), hold no backslash (some browsers read {@code /\} as
 * {@code //}), and consist of printable ASCII only: no spaces, unicode spaces, control or
 * invisible characters (which either break the Location header or are dropped by browsers
 * to reveal {@code //}), and no braces, which are not part of a URL. Anything else gives
 * the default page.
 */
public final class SafeRedirect {

    /**
     * Longer than any address of this site; a longer one is not worth keeping in a form.
     */
    static final int MAX_LENGTH = 1000;

    private SafeRedirect() {
    }

    public static boolean isSafe(@Nullable String target) {
        if (target == null || target.isEmpty() || target.length() > MAX_LENGTH || target.charAt(0) != '/'
                || target.startsWith("//")) {
            return false;
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= ' ' || c > '~' || c == '\\' || c == '{' || c == '}' || c == '"' || c == '<' || c == '>') {
                return false;
            }
        }
        return true;
    }

    /** The target when it is safe, otherwise the default. */
    public static String orDefault(@Nullable String target, String defaultTarget) {
        return isSafe(target) ? target : defaultTarget;
    }

}
