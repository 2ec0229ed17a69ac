package org.advocacy.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Absolute links to the public site, for emails. The paths are a contract with the public
 * site's controllers: /unsubscribe/{token} (GET shows a confirmation, POST unsubscribes,
 * also as RFC 8058 one-click), /subscribe/confirm/{token} (double opt-in) and
 * /supporter/confirm/{token} (the owner of an address confirms a visit that gave it); the
 * confirmations also ask on GET and act on POST.
 */
@Component
public class PublicUrls {

    private final String baseUrl;

    PublicUrls(@Value("${advocacy.base-url:http://localhost:8080}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String unsubscribe(String unsubscribeToken) {
        return baseUrl + "/unsubscribe/" + unsubscribeToken;
    }

    public String confirmSubscription(String confirmationToken) {
        return baseUrl + "/subscribe/confirm/" + confirmationToken;
    }

    public String confirmVisit(String visitConfirmationToken) {
        return baseUrl + "/supporter/confirm/" + visitConfirmationToken;
    }

    public String campaign(String slug) {
        return baseUrl + "/campaigns/" + slug;
    }

}
