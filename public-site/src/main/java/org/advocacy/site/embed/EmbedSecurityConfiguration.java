package org.advocacy.site.embed;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The widget's own filter chain, ahead of the public site's. Framed by partner sites
 * whose browsers block third-party cookies, these pages never use the session: no session
 * is created, and Spring's cookie-backed CSRF token is replaced by
 * {@link EmbedFormTokens} (a signed token bound to each form, checked by the controllers
 * before anything is written). Framing is decided per page by {@link EmbedFraming}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class EmbedSecurityConfiguration {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE - 20)
    SecurityFilterChain embedFilterChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/embed/**")
            .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .securityContext(context -> context.disable())
            .requestCache(cache -> cache.disable())
            .csrf(csrf -> csrf.disable())
            .headers(headers -> headers.frameOptions(frame -> frame.disable())
                .addHeaderWriter(new EmbedFraming())
                .permissionsPolicyHeader(permissions -> permissions
                    .policy("accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
                            + "magnetometer=(), microphone=(), midi=(), payment=(), serial=(), usb=()"))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
            .build();
    }

}
