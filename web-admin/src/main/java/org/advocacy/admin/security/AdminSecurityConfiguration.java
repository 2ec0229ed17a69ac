package org.advocacy.admin.security;

import java.time.Duration;

import org.advocacy.admin.security.ui.LoginView;
import org.advocacy.staff.StaffSessions;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

/**
 * The console's filter chain: everything under /admin, with Vaadin's form login at
 * /admin/login, a guard on the login POST (origin check, per-address throttle), sessions
 * that end when their account changes, and the console's security headers.
 */
@Configuration(proxyBeanMethods = false)
// Not in a process that only runs a batch job (--advocacy.run-job), which has no web
// server.
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AdminSecurityConfiguration {

    /**
     * Vaadin Flow needs 'unsafe-inline' and 'unsafe-eval' for scripts (an inline
     * bootstrap script, and the client engine builds functions from the expressions the
     * server sends; without 'unsafe-eval' the login form never renders) and
     * 'unsafe-inline' for styles; its components embed their icon fonts as data: URLs.
     * Measured in production mode over every view
     * (ConsoleBrowserSecurityIntegrationTests): nothing else is needed. data: images stay
     * allowed for component states the test does not open. Everything else is this origin
     * only; no other site may frame, receive forms or be fetched.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /**
     * No powerful browser feature is used by the console (the public site sends the same
     * list).
     */
    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), display-capture=(), geolocation=(), "
            + "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), serial=(), usb=()";

    @Bean
    LoginThrottle consoleLoginThrottle(@Value("${advocacy.console.login-throttle.attempts:10}") int attempts,
            @Value("${advocacy.console.login-throttle.period:15m}") Duration period) {
        return new LoginThrottle(attempts, period);
    }

    @Bean
    @Order(1)
    SecurityFilterChain adminFilterChain(HttpSecurity http, StaffSessions sessions, LoginThrottle throttle,
            @Value("${advocacy.base-url:#{null}}") @Nullable String baseUrl) throws Exception {
        http.securityMatcher("/admin/**");
        http.headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
            .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
            .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        // Filters built here, not beans: as beans, Spring Boot would also run them on
        // every public request.
        http.addFilterBefore(new LoginRequestFilter(throttle, baseUrl), UsernamePasswordAuthenticationFilter.class);
        http.addFilterBefore(new StaleSessionFilter(sessions), AnonymousAuthenticationFilter.class);
        return http
            // An address that is no route is Vaadin's to answer (the console's "Page not
            // found"), for signed-in
            // staff; Vaadin's default denies it, and the 403 fell through to the public
            // site's error page.
            // Each view's roles are still checked by Vaadin's navigation access control.
            .with(VaadinSecurityConfigurer.vaadin(),
                    vaadin -> vaadin.loginView(LoginView.class, "/admin/login")
                        .anyRequest(rule -> rule.authenticated()))
            .build();
    }

}
