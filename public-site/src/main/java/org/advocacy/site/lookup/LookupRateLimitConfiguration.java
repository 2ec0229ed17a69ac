package org.advocacy.site.lookup;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Lookups are limited per client address before the response cache could answer them. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class LookupRateLimitConfiguration {

    @Bean
    FilterRegistrationBean<LookupRateLimitFilter> lookupRateLimitFilter(LookupRateLimiter limiter) {
        FilterRegistrationBean<LookupRateLimitFilter> registration = new FilterRegistrationBean<>(
                new LookupRateLimitFilter(limiter));
        // Ahead of the public response cache (HIGHEST_PRECEDENCE + 1), so that cached
        // answers are limited too.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

}
