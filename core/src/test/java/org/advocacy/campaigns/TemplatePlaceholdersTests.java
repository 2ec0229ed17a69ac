package org.advocacy.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TemplatePlaceholdersTests {

    private static final Map<String, String> NO_CITY = Map.of("supporter.place", "97201", "supporter.zip", "97201",
            "supporter.name", "Alex", "legislator.phone", "");

    @Test
    void anUnknownPlaceholderIsNeverShownRawWhenFilled() {
        assertThat(TemplatePlaceholders.fill("Call {{unknown.placeholder}} now, {{ supporter.first_name }}!", NO_CITY))
            .isEqualTo("Call  now, !");
    }

    @Test
    void anEmptyValueFillsAsNothing() {
        assertThat(TemplatePlaceholders.fill("Phone: {{legislator.phone}}.", NO_CITY)).isEqualTo("Phone: .");
    }

    @Test
    void placeFollowedByTheSameZipInBracketsIsWrittenOnceWhenTheCityIsUnknown() {
        assertThat(TemplatePlaceholders.fill("a constituent in {{supporter.place}} ({{supporter.zip}}).", NO_CITY))
            .isEqualTo("a constituent in 97201.");
        assertThat(TemplatePlaceholders.fill("in {{supporter.place}} ({{supporter.zip}})",
                Map.of("supporter.place", "Portland", "supporter.zip", "97201")))
            .isEqualTo("in Portland (97201)");
    }

    @Test
    void unknownListsEveryUndocumentedPlaceholderInTheOrderWrittenAndAcceptsDocumentedOnes() {
        assertThat(
                TemplatePlaceholders.unknown("{{legislator.title}} {{unknown.placeholder}} {{ supporter.first_name }}"
                        + " {{Bill.Number}} {{unknown.placeholder}}"))
            .containsExactly("unknown.placeholder", "supporter.first_name", "Bill.Number");
        assertThat(TemplatePlaceholders
            .unknown("Dear {{legislator.title}} {{ legislator.lastName }}, {{supporter.place}}")).isEmpty();
    }

}
