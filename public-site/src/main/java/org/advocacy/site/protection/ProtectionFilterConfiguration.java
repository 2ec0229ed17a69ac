package org.advocacy.site.protection;

import org.advocacy.site.layout.ErrorPageWriter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The parameter size limit, after the lookup limit and the response cache, before the
 * security filters.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ProtectionFilterConfiguration {

    @Bean
    FilterRegistrationBean<ParameterLimitFilter> parameterLimitFilter(ErrorPageWriter errorPages) {
        FilterRegistrationBean<ParameterLimitFilter> registration = new FilterRegistrationBean<>(
                new ParameterLimitFilter(errorPages));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

}
