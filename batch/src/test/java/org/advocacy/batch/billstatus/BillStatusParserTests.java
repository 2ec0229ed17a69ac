package org.advocacy.batch.billstatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

import org.advocacy.bills.BillStage;
import org.advocacy.bills.BillStatusSource.UnavailableException;
import org.advocacy.bills.BillType;
import org.advocacy.bills.Cosponsor;
import org.advocacy.bills.OfficialBillRecord;
import org.advocacy.legislators.Chamber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every real file in both formats. The expected values were read from the XML by hand
 * (the Library of Congress action codes, {@code <laws>}, {@code <sponsors>} and
 * {@code <cosponsors>}), not taken from this parser's output.
 */
class BillStatusParserTests {

    static byte[] file(String name) {
        try (InputStream in = BillStatusParserTests.class.getResourceAsStream("/billstatus/" + name)) {
            return in.readAllBytes();
        }
        catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing test file " + name, e);
        }
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "BILLSTATUS-117hr1.xml,            117, HR,      1,    PASSED_HOUSE,  2021-03-03, -,                 222, S001168",
            "BILLSTATUS-117hr2471.xml,         117, HR,      2471, ENACTED,       2022-03-15, Public Law 117-103, 7,  J000294",
            "BILLSTATUS-117hr6658.xml,         117, HR,      6658, IN_COMMITTEE,  2022-02-09, -,                 111, D000619",
            "BILLSTATUS-117s35.xml,            117, S,       35,   PASSED_SENATE, 2021-02-12, -,                 72,  V000128",
            "BILLSTATUS-117sconres7.xml,       117, SCONRES, 7,    IN_COMMITTEE,  2021-03-01, -,                 38,  K000367",
            "legacy-BILLSTATUS-114hjres45.xml, 114, HJRES,   45,   IN_COMMITTEE,  2015-04-16, -,                 6,   F000448",
            "legacy-BILLSTATUS-114hr1314.xml,  114, HR,      1314, ENACTED,       2015-11-02, Public Law 114-74,  2,  M001181",
            "legacy-BILLSTATUS-114hr3762.xml,  114, HR,      3762, VETOED,        2016-01-08, -,                 0,   P000591" })
    void eachRealFileGivesItsStageDateLawCosponsorsAndSponsor(String name, int congress, BillType type, int number,
            BillStage stage, LocalDate reachedOn, String publicLaw, int cosponsors, String sponsor) {
        OfficialBillRecord record = BillStatusParser.parse(file(name));

        assertThat(record.congress()).isEqualTo(congress);
        assertThat(record.type()).isEqualTo(type);
        assertThat(record.number()).isEqualTo(number);
        assertThat(record.stage()).isEqualTo(stage);
        assertThat(record.stageReachedOn()).contains(reachedOn);
        assertThat(record.publicLaw()).isEqualTo(publicLaw);
        assertThat(record.cosponsors()).hasSize(cosponsors);
        assertThat(record.sponsor()).isNotNull();
        assertThat(record.sponsor().bioguideId()).isEqualTo(sponsor);
        assertThat(record.actions()).first()
            .extracting(OfficialBillRecord.Action::stage)
            .isEqualTo(BillStage.INTRODUCED);
    }

    @Test
    void theEnactedBillWalksTheStandardPathWithChambersAndOfficialText() {
        OfficialBillRecord record = BillStatusParser.parse(file("BILLSTATUS-117hr2471.xml"));

        assertThat(record.actions()).extracting(OfficialBillRecord.Action::stage)
            .containsSubsequence(BillStage.INTRODUCED, BillStage.IN_COMMITTEE, BillStage.PASSED_HOUSE,
                    BillStage.PASSED_BOTH, BillStage.ENACTED);
        assertThat(record.actions()).contains(
                new OfficialBillRecord.Action(LocalDate.of(2021, 4, 13), Chamber.HOUSE, "Introduced in House",
                        BillStage.INTRODUCED),
                new OfficialBillRecord.Action(LocalDate.of(2021, 4, 13), Chamber.HOUSE,
                        "Referred to the House Committee on Foreign Affairs.", BillStage.IN_COMMITTEE),
                new OfficialBillRecord.Action(LocalDate.of(2022, 3, 15), null, "Became Public Law No: 117-103.",
                        BillStage.ENACTED));
        // Passage by the Senate (2022-01-13) after the House: both chambers.
        assertThat(record.actions())
            .filteredOn(a -> a.occurredOn().equals(LocalDate.of(2022, 1, 13)) && a.chamber() == Chamber.SENATE
                    && a.description().startsWith("Passed/agreed to in Senate"))
            .extracting(OfficialBillRecord.Action::stage)
            .containsExactly(BillStage.PASSED_BOTH);
        // The same step from two sources on one day is kept once.
        assertThat(record.actions()).filteredOn(a -> a.description().equals("Became Public Law No: 117-103."))
            .hasSize(1);
        assertThat(record.shortTitle()).isEqualTo("Consolidated Appropriations Act, 2022");
        assertThat(record.officialTitle()).startsWith("Making consolidated appropriations for the fiscal year ending");
    }

    @Test
    void theVetoedBillKeepsItsVetoAndTheHousePostponingTheVetoMessage() {
        OfficialBillRecord record = BillStatusParser.parse(file("legacy-BILLSTATUS-114hr3762.xml"));

        assertThat(record.actions()).filteredOn(a -> a.stage() == BillStage.VETOED)
            .extracting(OfficialBillRecord.Action::description)
            .anyMatch(d -> d.startsWith("Vetoed by President."))
            .anyMatch(d -> d.startsWith("On motion to postpone consideration of the veto message until Jan. 26."));
        assertThat(record.actions().getLast().stage()).isEqualTo(BillStage.VETOED);
        // The display title is the official title, so the short title comes from the
        // short titles.
        assertThat(record.shortTitle()).isEqualTo("Restoring Americans' Healthcare Freedom Reconciliation Act of 2015");
    }

    @Test
    void legacyCosponsorsAreReadWithTheDateTheyJoinedAndTheirName() {
        OfficialBillRecord record = BillStatusParser.parse(file("legacy-BILLSTATUS-114hr1314.xml"));

        assertThat(record.cosponsors())
            .contains(new Cosponsor("R000580", LocalDate.of(2015, 3, 4), "Rep. Roskam, Peter J. [R-IL-6]"));
        assertThat(record.sponsor().name()).isEqualTo("Rep. Meehan, Patrick [R-PA-7]");
    }

    @Test
    void aCosponsorWhoWithdrewIsLeftOut() {
        // The real file with one real cosponsor marked as withdrawn (no sample file has a
        // withdrawal).
        String xml = new String(file("BILLSTATUS-117hr2471.xml"), StandardCharsets.UTF_8);
        String marked = xml.replaceFirst("(<bioguideId>W000823</bioguideId>)",
                "$1<sponsorshipWithdrawnDate>2021-05-01</sponsorshipWithdrawnDate>");
        assertThat(marked).isNotEqualTo(xml);

        OfficialBillRecord record = BillStatusParser.parse(marked.getBytes(StandardCharsets.UTF_8));

        assertThat(record.cosponsors()).hasSize(6).extracting(Cosponsor::bioguideId).doesNotContain("W000823");
    }

    @Test
    void theLatestSummaryBecomesSanitisedPlainText() {
        OfficialBillRecord record = BillStatusParser.parse(file("BILLSTATUS-117hr2471.xml"));

        assertThat(record.summary()).isNotBlank()
            .doesNotContain("<")
            .doesNotContain("&amp;")
            .startsWith("Consolidated Appropriations Act, 2022");
    }

    @Test
    void anExternalEntityIsRefused() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE billStatus [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <billStatus><bill><number>1</number><type>HR</type><congress>117</congress>
                <title>&secret;</title></bill></billStatus>""";

        assertThatThrownBy(() -> BillStatusParser.parse(xxe.getBytes(StandardCharsets.UTF_8)))
            .isInstanceOf(UnavailableException.class)
            .hasMessageStartingWith("Not a valid Bill Status file: it is not well-formed XML")
            .hasMessageContaining("DOCTYPE")
            .hasMessageNotContaining("root:");
    }

    @Test
    void aTruncatedFileIsRefusedWithTheLine() {
        byte[] whole = file("BILLSTATUS-117s35.xml");
        byte[] half = Arrays.copyOf(whole, whole.length / 2);

        assertThatThrownBy(() -> BillStatusParser.parse(half)).isInstanceOf(UnavailableException.class)
            .hasMessageContaining("not well-formed XML (line");
    }

    @Test
    void anotherXmlDocumentIsRefused() {
        assertThatThrownBy(() -> BillStatusParser.parse("<rss><channel/></rss>".getBytes(StandardCharsets.UTF_8)))
            .isInstanceOf(UnavailableException.class)
            .hasMessage("Not a valid Bill Status file: the root element is <rss>, not <billStatus>");
    }

}
