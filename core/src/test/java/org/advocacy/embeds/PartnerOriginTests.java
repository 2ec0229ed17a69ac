package org.advocacy.embeds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartnerOriginTests {

    @Test
    void anOriginIsSchemeHostAndPortInTheFormBrowsersCompare() {
        assertThat(PartnerOrigin.parse(" https://News.Example/ ")).contains("https://news.example");
        assertThat(PartnerOrigin.parse("https://news.example:443")).contains("https://news.example");
        assertThat(PartnerOrigin.parse("http://127.0.0.2:8080")).contains("http://127.0.0.2:8080");
        assertThat(PartnerOrigin.parse("http://localhost:80")).contains("http://localhost");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "*", "https://*.example.org", "https://news.example/path", "news.example",
            "ftp://news.example", "https://user@news.example", "https://news.example?x=1", "https://news.example#top",
            "javascript:alert(1)", "https://news.example 'unsafe-inline'", "https://a.example https://b.example" })
    void anythingElseIsRefused(String text) {
        assertThat(PartnerOrigin.parse(text)).isEmpty();
    }

}
