package org.advocacy.legislators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.advocacy.legislators.LookupException.Reason;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lookups against the real roster and ZIP tables (loaded from the bundled snapshot at
 * start-up).
 */
// The geocoder is the batch tests' GeocoderTestServer
// (GeocoderTestServerContextCustomizerFactory).
@SpringBootTest
class LookupServiceIntegrationTests {

    @Autowired
    LookupService lookup;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void answersAreRememberedUntilTheRosterChangesThenReadAgain() {
        String phone = jdbc.queryForObject("select phone from legislator where bioguide_id = 'P000197'", String.class);
        LegislatorLookup first = lookup.lookup("94110");
        try {
            // Written behind the service's back: a remembered answer does not see it...
            jdbc.update("update legislator set phone = '202-555-0100' where bioguide_id = 'P000197'");
            assertThat(lookup.lookup("94110")).isSameAs(first);
            assertThat(lookup.lookup("94110").representative().getPhone()).isEqualTo(phone);

            // ...until a roster sync says the roster changed.
            events.publishEvent(new RosterSynced(0, 1));
            assertThat(lookup.lookup("94110").representative().getPhone()).isEqualTo("202-555-0100");
        }
        finally {
            jdbc.update("update legislator set phone = ? where bioguide_id = 'P000197'", phone);
            events.publishEvent(new RosterSynced(0, 1));
        }
    }

    @Test
    void aZipInOneDistrictNamesItsRepresentativeAndTheStatesTwoSenators() {
        LegislatorLookup result = lookup.lookup("94110");

        assertThat(result.split()).isFalse();
        assertThat(result.district()).isEqualTo(new DistrictRef("CA", 11));
        assertThat(result.representative().getBioguideId()).isEqualTo("P000197");
        assertThat(result.senators()).hasSize(2).allSatisfy(s -> assertThat(s.getState()).isEqualTo("CA"));
    }

    @Test
    void aSplitZipListsEveryCandidateWithItsMemberAndTheSenators() {
        LegislatorLookup result = lookup.lookup("10001");

        assertThat(result.split()).isTrue();
        assertThat(result.settled()).isFalse();
        assertThat(result.candidates())
            .extracting(c -> c.district().toString(), c -> c.representative().getBioguideId())
            .containsExactly(Tuple.tuple("NY-10", "G000599"), Tuple.tuple("NY-12", "N000002"));
        assertThat(result.senators()).hasSize(2);

        LegislatorLookup settled = lookup.lookup("10001", DistrictRef.parse("NY-12"));
        assertThat(settled.representative().getBioguideId()).isEqualTo("N000002");
        assertThat(settled.legislators()).hasSize(3);
    }

    @Test
    void aZipSpanningTwoStatesHasNoSenatorsUntilSettled() {
        LegislatorLookup result = lookup.lookup("02861");

        assertThat(result.states()).containsExactly("MA", "RI");
        assertThat(result.candidates()).extracting(c -> c.representative().getBioguideId())
            .containsExactly("A000148", "A000380");
        assertThat(result.senators()).isEmpty();

        LegislatorLookup rhodeIsland = lookup.lookup("02861", DistrictRef.parse("RI-1"));
        assertThat(rhodeIsland.senators()).extracting(Legislator::getBioguideId).containsExactly("R000122", "W000802");

        LegislatorLookup alabama = lookup.lookup("30165", DistrictRef.parse("AL-3"));
        assertThat(alabama.representative().getBioguideId()).isEqualTo("R000575");
        assertThat(lookup.lookup("30165", DistrictRef.parse("GA-14")).representative().getBioguideId())
            .isEqualTo("F000485");
    }

    @Test
    void atLargeStatesAnswerDistrictZero() {
        LegislatorLookup vermont = lookup.lookup("05401");
        assertThat(vermont.district()).isEqualTo(new DistrictRef("VT", 0));
        assertThat(vermont.representative().getBioguideId()).isEqualTo("B001318");
        assertThat(vermont.senators()).extracting(Legislator::getBioguideId).containsExactly("S000033", "W000800");

        LegislatorLookup wyoming = lookup.lookup("82001");
        assertThat(wyoming.district()).isEqualTo(new DistrictRef("WY", 0));
        assertThat(wyoming.representative()).isNotNull();
        assertThat(wyoming.senators()).hasSize(2);
    }

    @Test
    void dcAndPuertoRicoHaveTheirDelegateAndNoSenators() {
        LegislatorLookup dc = lookup.lookup("20001");
        assertThat(dc.representative().getBioguideId()).isEqualTo("N000147");
        assertThat(dc.senators()).isEmpty();

        LegislatorLookup puertoRico = lookup.lookup("00901");
        assertThat(puertoRico.representative().getBioguideId()).isEqualTo("H001103");
        assertThat(puertoRico.senators()).isEmpty();

        LegislatorLookup guam = lookup.lookupDistrict(DistrictRef.parse("GU-0"));
        assertThat(guam.representative().getBioguideId()).isEqualTo("M001219");
        assertThat(guam.senators()).isEmpty();
    }

    @Test
    void aZipInAVacantSeatSaysSoAndStillNamesTheSenators() {
        LegislatorLookup result = lookup.lookup("94541");

        assertThat(result.district()).isEqualTo(new DistrictRef("CA", 14));
        assertThat(result.vacant()).isTrue();
        assertThat(result.representative()).isNull();
        assertThat(result.senators()).hasSize(2);

        assertThat(lookup.lookup("76932").vacant()).isTrue();
    }

    @Test
    void malformedUnknownAndForeignDistrictsAreRefusedWithAReason() {
        assertThatThrownBy(() -> lookup.lookup("1234")).isInstanceOfSatisfying(LookupException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_ZIP));
        assertThatThrownBy(() -> lookup.lookup("20500")).isInstanceOfSatisfying(LookupException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_ZIP));
        assertThatThrownBy(() -> lookup.lookup("10001", DistrictRef.parse("CA-12"))).isInstanceOfSatisfying(
                LookupException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DISTRICT_NOT_IN_ZIP));
        assertThatThrownBy(() -> lookup.lookupDistrict(DistrictRef.parse("CA-60"))).isInstanceOfSatisfying(
                LookupException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DISTRICT_NOT_IN_ZIP));
    }

    @Test
    void anAddressSettlesASplitZipThroughTheGeocoder() {
        LegislatorLookup result = lookup.lookup("10001", "1 W 34th St, New York, NY");

        assertThat(result.district()).isEqualTo(new DistrictRef("NY", 12));
        assertThat(result.representative().getBioguideId()).isEqualTo("N000002");

        assertThat(lookup.lookup("10001", "20 W 26th St").representative().getBioguideId()).isEqualTo("G000599");
    }

    @Test
    void anAddressTheGeocoderCannotMatchIsReportedAsNotFound() {
        assertThatThrownBy(() -> lookup.lookup("10001", "1 Nowhere Lane")).isInstanceOfSatisfying(LookupException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.ADDRESS_NOT_FOUND));
    }

    @Test
    void aSlowOrFailingGeocoderGivesUpQuicklyAndOffersTheListInstead() {
        Instant start = Instant.now();
        assertThatThrownBy(() -> lookup.lookup("10001", "1 slow St")).isInstanceOfSatisfying(LookupException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.GEOCODER_UNAVAILABLE));
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMillis(2500));

        assertThatThrownBy(() -> lookup.lookup("10001", "1 broken St")).isInstanceOfSatisfying(LookupException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.GEOCODER_UNAVAILABLE));
    }

}
