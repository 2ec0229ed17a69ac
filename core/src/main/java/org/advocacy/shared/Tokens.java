package org.advocacy.shared;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Unguessable tokens for links sent by email (confirmation, unsubscribe, story
 * withdrawal).
 */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    /** 32 random bytes, URL-safe Base64 without padding (43 characters). */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

}
