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
import org.springframework.security.web.util.matcher.OrRequestMatcher;
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

    /**
     * The action posts (letter, call outcome, meeting request), the site's busiest
     * writes: CSRF and the headers as everywhere else, and nothing a visitor who never
     * logs in does not need (no security context read from the session, no anonymous
     * authentication, no logout, no authorisation rules: the paths are open to all, as in
     * {@link #publicSiteFilterChain}).
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE - 11)
    SecurityFilterChain publicActionPostChain(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(paths.matcher(HttpMethod.POST, "/campaigns/*/call"),
                paths.matcher(HttpMethod.POST, "/campaigns/*/letter"),
                paths.matcher(HttpMethod.POST, "/campaigns/*/meeting")))
            .securityContext(context -> context.disable())
            .anonymous(anonymous -> anonymous.disable())
            .logout(logout -> logout.disable())
            .servletApi(servletApi -> servletApi.disable())
            .sessionManagement(sessions -> sessions.disable())
            .exceptionHandling(exceptions -> exceptions.disable())
            .requestCache(cache -> cache.disable());
        return withCsrfAndHeaders(http).build();
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE - 10)
    SecurityFilterChain publicSiteFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
            .permitAll()
            .requestMatchers("/actuator/**")
            .denyAll()
            .anyRequest()
            .permitAll())
            // RFC 8058 one-click unsubscribe comes from mail clients without a CSRF
            // token; the unguessable token in the path is the authorisation, and the
            // request only unsubscribes.
            .csrf(csrf -> csrf.ignoringRequestMatchers(
                    PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/unsubscribe/*")))
            .requestCache(cache -> cache.disable());
        return withCsrfAndHeaders(http).build();
    }

    private static HttpSecurity withCsrfAndHeaders(HttpSecurity http) throws Exception {
        return http
            .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .frameOptions(frame -> frame.deny()))
            .csrf(csrf -> csrf.csrfTokenRequestHandler(new TolerantCsrfTokenRequestHandler()));
    }

}
