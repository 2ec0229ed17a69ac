package org.advocacy;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

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

    /**
     * The action posts (the paths of the site's own filter chain for them) are not
     * observed: the observation was 5 to 7% of a post's time (docs/performance.md, issue
     * 15), and nothing reads http.server.requests for them; the actions table counts
     * them.
     */
    @Bean
    ObservationPredicate actionPostsUnobserved() {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher actionPosts = new OrRequestMatcher(paths.matcher(HttpMethod.POST, "/campaigns/*/call"),
                paths.matcher(HttpMethod.POST, "/campaigns/*/letter"),
                paths.matcher(HttpMethod.POST, "/campaigns/*/meeting"));
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && actionPosts.matches(request.getCarrier()));
    }

}
