package org.advocacy.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebLinksTests {

    @Test
    void onlyAbsoluteHttpAndHttpsAddressesWithAHostAreWebLinks() {
        assertThat(WebLinks.isWebLink("https://www.congress.gov/bill/119th-congress/house-bill/4323")).isTrue();
        assertThat(WebLinks.isWebLink("http://example.org")).isTrue();
        assertThat(WebLinks.isWebLink("HTTPS://EXAMPLE.ORG/a?b=c#d")).isTrue();
        for (String link : new String[] { null, "", " ", "javascript:alert(1)", "jAvAsCrIpT:alert(1)",
                "data:text/html,x", "https://", "//example.org", "/relative", "example.org", "https://example.org/a b",
                " https://example.org", "https://example.org/\u0000", "https://example.org/\u200B",
                "file:///etc/passwd" }) {
            assertThat(WebLinks.isWebLink(link)).as(String.valueOf(link)).isFalse();
        }
    }

}
