package org.advocacy.site.caching;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a GET handler's successful answer depends only on its URL and the
 * visitor's language, never on who asks: no session, no form token, nothing personal.
 * Such answers may be served from the public response cache. A request carrying one of
 * {@link #unlessParameters()} is personal (a street address, say) and is never stored.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface SameForEveryone {

    /**
     * Query parameters that make a request personal, so that its answer is not stored.
     */
    String[] unlessParameters() default {};

}
