package org.advocacy.site.security;

import org.advocacy.site.layout.FormValidation;
import org.advocacy.site.protection.FormGuard;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * What a {@code @WebMvcTest} slice of the public site needs besides its controller: the
 * site's real filter chains (CSRF and the security headers are really checked), Boot's
 * security auto-configuration, which the slice does not apply by itself here, and the
 * site's form guard and form validation. Used through
 * {@link org.advocacy.site.SiteWebMvcTest}.
 */
@TestConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({ SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class })
@Import({ PublicSecurityConfiguration.class, FormGuard.class, FormValidation.class })
public class SiteSliceConfiguration {

}
