package org.advocacy.site.sessions;

import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The public site's sessions live in the database (Spring Session JDBC, tables from Flyway), so a
 * supporter whose instance dies carries on on another one with their details. The Vaadin console
 * under {@value #CONSOLE} keeps the servlet container's sessions: a Vaadin UI lives in the memory of
 * one instance, so the load balancer routes the console stickily (docs/scaling.md). The two use
 * different cookies: {@code SESSION} for the site, {@code JSESSIONID} for the console.
 * <p>
 * Spring Boot registers Spring Session's filter for every path; it is registered here instead,
 * behind a filter that passes console requests by.
 */
@Configuration(proxyBeanMethods = false)
class PublicSessionConfiguration {

    static final String CONSOLE = "/admin";

    /** Turns off Boot's registration of the session filter for every path (replaced by {@link #publicSiteSessions}). */
    @Bean
    static BeanPostProcessor sessionFilterForPublicSiteOnly() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                // The bean SessionAutoConfiguration's SessionRepositoryFilterConfiguration defines.
                if (bean instanceof DelegatingFilterProxyRegistrationBean registration
                        && beanName.equals("sessionRepositoryFilterRegistration")) {
                    registration.setEnabled(false);
                }
                return bean;
            }
        };
    }

    @Bean
    FilterRegistrationBean<Filter> publicSiteSessions(SessionRepositoryFilter<?> sessions) {
        Filter publicSiteOnly = (ServletRequest request, ServletResponse response, FilterChain chain) -> {
            if (isConsole((HttpServletRequest) request)) {
                chain.doFilter(request, response);
            }
            else {
                sessions.doFilter(request, response, chain);
            }
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(publicSiteOnly);
        registration.setName("publicSiteSessions");
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER);
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC));
        return registration;
    }

    static boolean isConsole(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(CONSOLE) || path.startsWith(CONSOLE + "/");
    }
}
