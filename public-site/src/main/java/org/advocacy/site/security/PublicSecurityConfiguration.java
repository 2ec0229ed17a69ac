package org.advocacy.site.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The public site's filter chain: everything outside /admin. Supporters never log in;
 * forms are protected by CSRF tokens, and the headers keep third parties and inline
 * scripts out.
 */
@Configuration(proxyBeanMethods = false)
// Not in a process that only runs a batch job (--advocacy.run-job), which has no web
// server.
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PublicSecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    /**
     * The site uses no powerful browser feature; stored answers of the response cache
     * replay this too.
     */
    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), display-capture=(), geolocation=(), "
            + "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), serial=(), usb=()";

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE - 10)
    SecurityFilterChain publicSiteFilterChain(HttpSecurity http) throws Exception {
        return http
            .authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
                .permitAll()
                .requestMatchers("/actuator/**")
                .denyAll()
                .anyRequest()
                .permitAll())
            .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .frameOptions(frame -> frame.deny()))
            // RFC 8058 one-click unsubscribe comes from mail clients without a CSRF
            // token; the
            // unguessable token in the path is the authorisation, and the request only
            // unsubscribes.
            .csrf(csrf -> csrf.csrfTokenRequestHandler(new TolerantCsrfTokenRequestHandler())
                .ignoringRequestMatchers(
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/unsubscribe/*")))
            .requestCache(cache -> cache.disable())
            .build();
    }

}
