package org.advocacy.site.protection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicTextTests {

    @Test
    void aNameOfInvisibleCharactersAndUnicodeSpacesBecomesEmpty() {
        assertThat(PublicText.clean("\u200B\u200B\u200B")).isEmpty();
        assertThat(PublicText.clean("\u00A0\u00A0")).isEmpty();
        assertThat(PublicText.clean("\u3000\u2007\u202F\u200B\uFEFF\u2060\u00AD")).isEmpty();
        assertThat(PublicText.clean("\u200D\u200C")).isEmpty();
    }

    @Test
    void bidiControlsAreDropped() {
        assertThat(PublicText.clean("Ann\u202Egpj.exe")).isEqualTo("Anngpj.exe");
        assertThat(PublicText.clean("\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069\u200E\u200F\u061CBo"))
            .isEqualTo("Bo");
    }

    @Test
    void controlCharactersAreDroppedButLineBreaksAndTabsStay() {
        assertThat(PublicText.clean("a\u0000b\u0007c\u007Fd\u0085e")).isEqualTo("abcde");
        assertThat(PublicText.clean("line one\r\nline two\tend")).isEqualTo("line one\r\nline two\tend");
        assertThat(PublicText.clean("para\u2029next\u2028line")).isEqualTo("para\nnext\nline");
    }

    @Test
    void unicodeSpacesBecomePlainSpacesAndTextIsNfcNormalised() {
        assertThat(PublicText.clean("Jane\u00A0Doe")).isEqualTo("Jane Doe");
        assertThat(PublicText.clean("Jose\u0301")).isEqualTo("Jos\u00E9");
    }

    @Test
    void writingThatNeedsJoinersAndEmojiSequencesIsKept() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        String persian = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645";
        String englandFlag = "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F";
        assertThat(PublicText.clean(family)).isEqualTo(family);
        assertThat(PublicText.clean(persian)).isEqualTo(persian);
        assertThat(PublicText.clean(englandFlag)).isEqualTo(englandFlag);
        assertThat(PublicText.clean("María José Núñez")).isEqualTo("María José Núñez");
    }

    @Test
    void nothingAndEmptyStaySo() {
        assertThat(PublicText.clean(null)).isNull();
        assertThat(PublicText.clean("")).isEmpty();
    }

}
