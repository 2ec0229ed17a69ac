package org.advocacy.site.caching;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the public response cache in front of everything else but the lookup rate limit: a
 * stored answer costs neither the security filters nor the request observation
 * (http.server.requests counts rendered answers; the cache counts its own in
 * {@code advocacy.site.response.cache}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ResponseCacheConfiguration implements WebMvcConfigurer {

    /**
     * Right after the lookup rate limit (HIGHEST_PRECEDENCE). Boot's request observation
     * has the same order; application filters are registered before auto-configured ones,
     * so this one runs first.
     */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

    @Bean
    FilterRegistrationBean<PublicResponseCacheFilter> publicResponseCacheFilter(PublicResponseCache cache,
            LocaleResolver localeResolver) {
        FilterRegistrationBean<PublicResponseCacheFilter> registration = new FilterRegistrationBean<>(
                new PublicResponseCacheFilter(cache, localeResolver));
        registration.setOrder(ORDER);
        return registration;
    }

    @Bean
    MeterBinder publicResponseCacheMetrics(PublicResponseCache cache) {
        return registry -> {
            FunctionCounter.builder("advocacy.site.response.cache", cache, c -> c.statistics().hits())
                .tag("result", "hit")
                .description("Public answers served from the response cache")
                .register(registry);
            FunctionCounter.builder("advocacy.site.response.cache", cache, c -> c.statistics().misses())
                .tag("result", "miss")
                .description("Public answers rendered by the application")
                .register(registry);
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SameForEveryoneInterceptor()).excludePathPatterns("/admin/**");
    }

}
