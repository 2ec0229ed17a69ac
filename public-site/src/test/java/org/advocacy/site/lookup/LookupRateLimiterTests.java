package org.advocacy.site.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class LookupRateLimiterTests {

    @Test
    void aClientOverItsLimitIsRefusedWhileAnotherClientIsNot() {
        LookupRateLimiter limiter = new LookupRateLimiter(2);
        MockHttpServletRequest first = new MockHttpServletRequest();
        first.setRemoteAddr("192.0.2.1");
        MockHttpServletRequest second = new MockHttpServletRequest();
        second.setRemoteAddr("192.0.2.2");

        assertThat(limiter.allows(first)).isTrue();
        assertThat(limiter.allows(first)).isTrue();
        assertThat(limiter.allows(first)).isFalse();
        assertThat(limiter.allows(second)).isTrue();
    }

}
