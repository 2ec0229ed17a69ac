package org.advocacy.cwc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.advocacy.testsupport.cwc.CwcTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class CwcXmlTests {

    static final CwcSettings.Agent AGENT = new CwcSettings.Agent("Survivor Justice Network",
            "cwc-acks@survivors.example", "Dana Ortiz", "dana@survivors.example", "802-555-0142",
            "Survivor Justice Network", null);

    static final CwcTestServer SERVER = CwcTestServer.start("key", '*');

    @AfterAll
    static void stop() throws IOException {
        SERVER.close();
    }

    static CwcMessage houseMessage(String organizationStatement, String constituentMessage) {
        return new CwcMessage("0123456789ABCDEF0000000000000042", LocalDate.of(2026, 12, 1), AGENT,
                "trafficking-survivors-relief", "HVT00",
                new CwcMessage.Constituent("Ms.", "Rosa", "Alvarez & Reyes", "12 Church Street", "Apt 3", "Burlington",
                        "VT", "05401", "rosa@example.org"),
                "Support the Trafficking Survivors Relief Act",
                List.of("Civil Rights and Liberties, Minority Issues", "Crime and Law Enforcement"),
                List.of(new CwcMessage.BillRef(119, "hr", 4323)), organizationStatement, constituentMessage,
                "https://act.example.org/campaigns/trafficking-survivors-relief");
    }

    @Test
    void anUnchangedLetterIsWrittenAsTheExpectedDocument() throws IOException {
        String xml = CwcXml
            .write(houseMessage("Dear Representative Balint, please cosponsor H.R. 4323 <today>.", null));

        assertThat(compact(xml)).isEqualTo(compact(expected("/cwc/expected-house-message.xml")));
        assertThat(SERVER.validateForTest(xml)).isEmpty();
    }

    @Test
    void anEditedLetterGoesAsConstituentMessageOnly() {
        String xml = CwcXml.write(houseMessage(null, "My own words.\nSecond line."));

        assertThat(xml).contains("<ConstituentMessage>My own words.\nSecond line.</ConstituentMessage>")
            .doesNotContain("OrganizationStatement");
        assertThat(SERVER.validateForTest(xml)).isEmpty();
    }

    @Test
    void controlCharactersPastedIntoALetterAreDroppedSoTheDocumentStaysValidXml() {
        String xml = CwcXml.write(houseMessage(null, "Before\u0001\u000Bafter"));

        assertThat(xml).contains("<ConstituentMessage>Beforeafter</ConstituentMessage>");
        assertThat(SERVER.validateForTest(xml)).isEmpty();
    }

    @Test
    void withoutBillsTheBillsElementIsLeftOut() {
        CwcMessage m = houseMessage("Statement", null);
        CwcMessage noBills = new CwcMessage(m.deliveryId(), m.deliveryDate(), m.agent(), m.campaignId(),
                m.memberOffice(), m.constituent(), m.subject(), m.topics(), List.of(), m.organizationStatement(), null,
                null);

        String xml = CwcXml.write(noBills);

        assertThat(xml).doesNotContain("<Bills>").doesNotContain("MoreInfo");
        assertThat(SERVER.validateForTest(xml)).isEmpty();
    }

    @Test
    void theTestServerNamesEachViolation() {
        CwcMessage m = houseMessage("Statement", null);
        CwcMessage bad = new CwcMessage("too-short", m.deliveryDate(),
                new CwcSettings.Agent("Agent", "acks@x.example", "Name", "n@x.example", "8025550142", null, null),
                m.campaignId(), "HVT00",
                new CwcMessage.Constituent("Mx.", "Rosa", "Alvarez", "12 Church Street", null, "Burlington", "NH",
                        "05401", "rosa@example.org"),
                m.subject(), List.of("Human Rights"), m.bills(), "Statement", null, null);

        List<String> errors = SERVER.validateForTest(CwcXml.write(bad));

        assertThat(String.join("\n", errors)).contains("too-short")
            .contains("8025550142")
            .contains("Mx.")
            .contains("Human Rights");
        assertThat(SERVER.validateForTest(CwcXml
            .write(new CwcMessage(m.deliveryId(), m.deliveryDate(), m.agent(), m.campaignId(), "HVT00",
                    new CwcMessage.Constituent("Ms.", "Rosa", "Alvarez", "1 Main St", null, "Concord", "NH", "03301",
                            "rosa@example.org"),
                    m.subject(), m.topics(), m.bills(), "Statement", null, null))))
            .containsExactly("StateAbbreviation NH is not the state of MemberOffice HVT00");
    }

    @Test
    void topicsAndPrefixesAreTheFixedListsOfTheOpenImplementations() {
        assertThat(CwcVocabulary.TOPICS).hasSize(32).doesNotHaveDuplicates().contains(CwcVocabulary.DEFAULT_TOPIC);
        assertThat(CwcVocabulary.PREFIXES).hasSize(24).startsWith("Mr.", "Mrs.", "Ms.");
    }

    private static String expected(String resource) throws IOException {
        try (InputStream in = CwcXmlTests.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Drops the indentation between elements (the expected file is indented for reading).
     */
    private static String compact(String xml) {
        return xml.replaceAll(">\\s+<", "><").replaceAll("<\\?xml[^>]*\\?>", "").strip();
    }

}
