package org.advocacy.site.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SafeRedirectTests {

    @Test
    void pathsOnThisSiteAreFollowed() {
        for (String next : List.of("/", "/campaigns/tsra", "/campaigns/tsra/letter?zip=05401&district=VT-0",
                "/campaigns/tsra/call?zip=05401#step-2", "/campaigns/t%C3%A9st")) {
            assertThat(SafeRedirect.orDefault(next, "/")).as(next).isEqualTo(next);
        }
    }

    @Test
    void otherHostsSchemesAndDisguisedAddressesGiveTheDefault() {
        for (String next : List.of("//evil.example", "https://evil.example", "javascript:alert(1)", "evil.example",
                "/\\evil.example", "/\\/evil.example", "\\\\evil.example", "/\u3000/evil.example",
                "/\u00A0/evil.example", " //evil.example", "/\t/evil.example", "/\r\nSet-Cookie: x=1",
                "/\u0000/evil.example", "/\u200B/evil.example", "/\u202E/evil.example", "/campaigns/{x}",
                "/campaigns/é", "", "/" + "a".repeat(1000))) {
            assertThat(SafeRedirect.isSafe(next)).as(next).isFalse();
            assertThat(SafeRedirect.orDefault(next, "/")).as(next).isEqualTo("/");
        }
        assertThat(SafeRedirect.orDefault(null, "/home")).isEqualTo("/home");
    }

}
