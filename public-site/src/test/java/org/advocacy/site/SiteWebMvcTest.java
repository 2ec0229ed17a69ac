package org.advocacy.site;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.advocacy.shared.ServerSecrets;
import org.advocacy.site.security.SiteSliceConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A web slice of the public site: the given controllers with the site's MVC
 * configuration, advice, filters and interceptors (the rate limit, the language choice,
 * quick exit), Thymeleaf and the messages, behind the real security filter chains; no
 * database. The test declares the controllers' other collaborators as
 * {@code @MockitoBean}s. Form tokens are signed with a key of the test's own, so the
 * server secret is never read. The public response cache is left out: it has its own
 * full-context tests, and a slice must render each request.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = "org\\.advocacy\\.site\\.caching\\..*"))
@Import(SiteSliceConfiguration.class)
@MockitoBean(types = ServerSecrets.class)
@TestPropertySource(properties = "advocacy.site.form-token-key=web-slice-tests-form-token-key-0123456789")
public @interface SiteWebMvcTest {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value() default {};

    /** Properties of this slice, e.g. a rate limit to reach. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "properties")
    String[] properties() default {};

}
