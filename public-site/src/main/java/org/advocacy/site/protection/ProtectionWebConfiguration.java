package org.advocacy.site.protection;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the rate limit in front of every public controller (the console and the JSON API
 * excluded).
 */
@Configuration(proxyBeanMethods = false)
class ProtectionWebConfiguration implements WebMvcConfigurer {

    private final RateLimitInterceptor rateLimit;

    ProtectionWebConfiguration(RateLimitInterceptor rateLimit) {
        this.rateLimit = rateLimit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(rateLimit).excludePathPatterns("/admin/**", "/api/**");
    }

}
