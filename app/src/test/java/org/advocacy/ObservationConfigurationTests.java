package org.advocacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ObservationConfigurationTests {

    private final ObservationPredicate predicate = new ObservationConfiguration().actionPostsUnobserved();

    @Test
    void theThreeActionPostsAreNotObserved() {
        for (String action : new String[] { "call", "letter", "meeting" }) {
            assertThat(observed("POST", "/campaigns/tsra/" + action)).as(action).isFalse();
        }
    }

    @Test
    void everyOtherRequestIsObserved() {
        assertThat(observed("GET", "/campaigns/tsra/call")).isTrue();
        assertThat(observed("POST", "/supporter")).isTrue();
        assertThat(observed("POST", "/campaigns/tsra/story")).isTrue();
        assertThat(observed("POST", "/admin/campaigns/tsra/call/x")).isTrue();
        assertThat(predicate.test("spring.security.authentications", new Observation.Context())).isTrue();
    }

    private boolean observed(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        return predicate.test("http.server.requests",
                new ServerRequestObservationContext(request, new MockHttpServletResponse()));
    }

}
