package org.advocacy.site.protection;

import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.advocacy.shared.Tokens;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Cheap protection for every public form, on top of CSRF and rate limits. Each rendered form
 * carries a token (the time it was issued plus a random part) that is also the submission's
 * idempotency key, and a honeypot field that people never see. A filled honeypot, or a form sent
 * back faster than a person could fill it, is treated as a bot: accepted and silently dropped.
 */
@Component
public class FormGuard {

    /** The honeypot's field name: a plausible name that form-filling bots are drawn to. */
    public static final String HONEYPOT = "website";

    private static final Pattern TOKEN = Pattern.compile("^(\\d{13})\\.([A-Za-z0-9_-]{43})$");

    private final Duration minimumFillTime;
    private final Clock clock;

    @Autowired
    FormGuard(@Value("${advocacy.site.minimum-fill-time:2s}") Duration minimumFillTime) {
        this(minimumFillTime, Clock.systemUTC());
    }

    FormGuard(Duration minimumFillTime, Clock clock) {
        this.minimumFillTime = minimumFillTime;
        this.clock = clock;
    }

    /** A fresh token for a form about to be rendered. */
    public String issue() {
        return clock.millis() + "." + Tokens.newToken();
    }

    /** Whether a submission looks like a person's: a well-formed token, not too fast, an empty honeypot. */
    public boolean isHuman(@Nullable String formToken, @Nullable String honeypot) {
        if (honeypot != null && !honeypot.isEmpty()) {
            return false;
        }
        if (formToken == null) {
            return false;
        }
        Matcher matcher = TOKEN.matcher(formToken);
        if (!matcher.matches()) {
            return false;
        }
        long issuedAt = Long.parseLong(matcher.group(1));
        return clock.millis() - issuedAt >= minimumFillTime.toMillis();
    }
}
