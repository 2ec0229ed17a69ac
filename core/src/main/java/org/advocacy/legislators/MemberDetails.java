package org.advocacy.legislators;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Everything the roster source says about one sitting member in their current term.
 * Comparing two of these tells the roster sync which fields changed.
 */
public record MemberDetails(String bioguideId, String firstName, @Nullable String middleName, String lastName,
        @Nullable String suffix, @Nullable String nickname, @Nullable String officialName, Chamber chamber,
        String state, @Nullable Integer district, @Nullable Integer senateClass, @Nullable String stateRank,
        String party, @Nullable String caucus, @Nullable String dcAddress, @Nullable String dcOffice,
        @Nullable String phone, @Nullable String websiteUrl, @Nullable String contactFormUrl, @Nullable String rssUrl,
        LocalDate termStart, LocalDate termEnd, @Nullable String termHow, List<PartyAffiliation> partyAffiliations,
        SocialAccounts social) implements Serializable {

    public MemberDetails {
        partyAffiliations = List.copyOf(partyAffiliations);
    }

    public record SocialAccounts(@Nullable String twitter, @Nullable String facebook, @Nullable String instagram,
            @Nullable String youtube, @Nullable String mastodon) implements Serializable {

        public static final SocialAccounts NONE = new SocialAccounts(null, null, null, null, null);

    }
}
