package org.advocacy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Request metrics come from the servlet's own observation (http.server.requests). Spring
 * Security would also observe each of its filters on every request, which cost about a
 * tenth of a public page's time under load (docs/performance.md); logins and
 * authorisation decisions stay observed.
 */
@Configuration(proxyBeanMethods = false)
class ObservationConfiguration {

    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).build();
    }

}
