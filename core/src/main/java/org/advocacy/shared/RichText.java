package org.advocacy.shared;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The only way staff-written HTML reaches a public page: a small allow-list of formatting
 * elements, links forced to http(s) with rel="noopener noreferrer nofollow".
 */
public final class RichText {

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "h3", "h4", "a")
            .allowUrlProtocols("https", "http", "mailto")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
            .toFactory();

    private RichText() {
    }

    public static String sanitize(String html) {
        return POLICY.sanitize(html);
    }
}
