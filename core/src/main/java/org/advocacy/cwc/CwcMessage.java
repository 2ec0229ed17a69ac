package org.advocacy.cwc;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One CWC 2.0 message to one office. {@code organizationStatement} is set when the
 * supporter sent the campaign's letter unchanged, {@code constituentMessage} when they
 * edited it (never both: the rule of EFF's phantom-of-the-capitol PR #98).
 */
public record CwcMessage(String deliveryId, LocalDate deliveryDate, CwcSettings.Agent agent, String campaignId,
        String memberOffice, Constituent constituent, String subject, List<String> topics, List<BillRef> bills,
        @Nullable String organizationStatement, @Nullable String constituentMessage, @Nullable String moreInfo) {

    public record Constituent(String prefix, String firstName, String lastName, String address1,
            @Nullable String address2, String city, String stateAbbreviation, String zip, String email) {
    }

    /**
     * A bill as CWC names it: congress, lower-case type abbreviation (hr, s, hjres...)
     * and number.
     */
    public record BillRef(int congress, String typeAbbreviation, int number) {
    }
}
