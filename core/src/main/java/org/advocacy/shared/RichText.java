package org.advocacy.shared;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.owasp.html.Encoding;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.web.util.HtmlUtils;

/**
 * The only way staff-written HTML reaches a public page: a small allow-list of formatting
 * elements, links forced to http(s) with rel="noopener noreferrer nofollow".
 */
public final class RichText {

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
        .allowElements("p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "h3", "h4", "a")
        .allowUrlProtocols("https", "http", "mailto")
        .allowAttributes("href")
        .onElements("a")
        .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
        .toFactory();

    private RichText() {
    }

    /**
     * Escapes plain text for HTML or XML (element content and quoted attributes), leaving
     * other characters as they are: the one escaping routine, Spring's.
     */
    public static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    /**
     * Plain text as {@link #sanitize} writes text between elements (the same entities),
     * for values put into HTML that was sanitised before.
     */
    public static String sanitizedText(String text) {
        StringBuilder encoded = new StringBuilder(text.length() + 16);
        try {
            Encoding.encodeRcdataOnto(text, encoded);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return encoded.toString();
    }

    public static String sanitize(String html) {
        return POLICY.sanitize(html);
    }

}
