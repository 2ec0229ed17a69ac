package org.advocacy.cwc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.advocacy.cwc.CwcMessage;
import org.advocacy.cwc.CwcOutcome;
import org.advocacy.cwc.CwcSettings;
import org.advocacy.cwc.CwcXml;
import org.advocacy.testsupport.cwc.CwcTestServer;
import org.advocacy.testsupport.cwc.CwcTestServer.Behaviour;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CwcHttpClientTests {

    CwcTestServer server;

    CwcHttpClient client;

    @BeforeEach
    void start() {
        server = CwcTestServer.start("secret key", 'H');
        client = new CwcHttpClient(server.baseUrl() + "/", "secret key", Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    static String message(String deliveryId, String office, String prefix) {
        return CwcXml.write(new CwcMessage(deliveryId, LocalDate.of(2026, 12, 1),
                new CwcSettings.Agent(
                        "Agent", "acks@agent.example", "Ann Agent", "ann@agent.example", "202-555-0100", null, null),
                "campaign-1", office,
                new CwcMessage.Constituent(prefix, "Rosa", "Alvarez", "12 Church Street", null, "Burlington", "VT",
                        "05401", "rosa@example.org"),
                "Subject", List.of("Health"), List.of(), "Statement", null, null));
    }

    @Test
    void anAcceptedMessageReachesTheServerOnceWithItsKeyAndContentType() {
        assertThat(client.deliver(message("A".repeat(32), "HVT00", "Ms."))).isInstanceOf(CwcOutcome.Accepted.class);

        assertThat(server.accepted()).hasSize(1);
        assertThat(server.postsByDeliveryId()).containsExactly(Map.entry("A".repeat(32), 1));
    }

    @Test
    void validateChecksWithoutDelivering() {
        assertThat(client.validate(message("B".repeat(32), "HVT00", "Ms."))).isInstanceOf(CwcOutcome.Accepted.class);
        assertThat(server.accepted()).isEmpty();
        assertThat(server.validations()).isOne();
    }

    @Test
    void aRefusedMessageCarriesEachOfTheServersErrors() {
        CwcOutcome outcome = client.deliver(message("C".repeat(32), "SVT01", "Mx."));

        assertThat(outcome).isInstanceOfSatisfying(CwcOutcome.Rejected.class, r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.errors()).anySatisfy(e -> assertThat(e).contains("Mx."));
        });
        CwcOutcome wrongChamber = client.deliver(message("D".repeat(32), "SVT01", "Ms."));
        assertThat(wrongChamber).isInstanceOfSatisfying(CwcOutcome.Rejected.class,
                r -> assertThat(r.errors()).containsExactly("MemberOffice SVT01 is not an office of this chamber"));
    }

    @Test
    void aWrongKeyIsRefusedInPlainWords() {
        CwcHttpClient wrong = new CwcHttpClient(server.baseUrl(), "other", Duration.ofSeconds(2),
                Duration.ofSeconds(5));

        assertThat(wrong.deliver(message("E".repeat(32), "HVT00", "Ms."))).isInstanceOfSatisfying(
                CwcOutcome.Rejected.class, r -> assertThat(r.errors()).containsExactly("Invalid or missing API key"));
    }

    @Test
    void serviceUnavailableIsTemporary() {
        server.next(1, Behaviour.UNAVAILABLE);

        assertThat(client.deliver(message("F".repeat(32), "HVT00", "Ms."))).isInstanceOf(CwcOutcome.Temporary.class);
        assertThat(client.deliver(message("F".repeat(32), "HVT00", "Ms."))).isInstanceOf(CwcOutcome.Accepted.class);
    }

    @Test
    void aConnectionDroppedAfterTheBodyIsInDoubt() {
        server.next(1, Behaviour.DROP_AFTER_BODY);

        assertThat(client.deliver(message("G".repeat(32), "HVT00", "Ms."))).isInstanceOf(CwcOutcome.InDoubt.class);
        assertThat(server.postsByDeliveryId()).containsEntry("G".repeat(32), 1);
    }

    @Test
    void aRefusedConnectionIsTemporary() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        CwcHttpClient nowhere = new CwcHttpClient("http://127.0.0.1:" + port, "k", Duration.ofSeconds(1),
                Duration.ofSeconds(2));

        assertThat(nowhere.deliver(message("H".repeat(32), "HVT00", "Ms."))).isInstanceOf(CwcOutcome.Temporary.class);
    }

    @Test
    void aNonXmlErrorBodyIsShownAsIs() {
        assertThat(CwcHttpClient.errors(400, "Bad things happened")).containsExactly("Bad things happened");
        assertThat(CwcHttpClient.errors(403, "")).containsExactly("The CWC service refused the letter (HTTP 403)");
    }

}
