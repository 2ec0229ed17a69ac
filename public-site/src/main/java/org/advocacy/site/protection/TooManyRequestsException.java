package org.advocacy.site.protection;

/**
 * A client sent more posts than the rate limit allows; answered with HTTP 429 and a
 * friendly page.
 */
class TooManyRequestsException extends RuntimeException {

    private final long retryAfterSeconds;

    TooManyRequestsException(long retryAfterSeconds) {
        super("Too many requests", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

}
