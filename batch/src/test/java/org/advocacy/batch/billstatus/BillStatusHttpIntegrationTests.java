package org.advocacy.batch.billstatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

import org.advocacy.bills.BillStage;
import org.advocacy.bills.BillStatusSource.UnavailableException;
import org.advocacy.bills.BillType;
import org.advocacy.bills.OfficialBillRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.sun.net.httpserver.HttpServer;

/**
 * The https:/http: path against a real HTTP server in the test: a file, a 404, a 500 and
 * a body cut short of its Content-Length. Each failure is a plain sentence naming the
 * address.
 */
@SpringBootTest
class BillStatusHttpIntegrationTests {

    static int port;
    static HttpServer server;
    static final AtomicInteger requests = new AtomicInteger();

    @Autowired
    GovInfoBillStatusSource source;

    @BeforeAll
    static void start() throws IOException {
        byte[] enacted = BillStatusParserTests.file("BILLSTATUS-117hr2471.xml");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        port = server.getAddress().getPort();
        server.createContext("/ok/", exchange -> {
            requests.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.sendResponseHeaders(200, enacted.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(enacted);
            }
        });
        server.createContext("/missing/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.createContext("/broken/", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.createContext("/cut/", exchange -> {
            exchange.sendResponseHeaders(200, enacted.length);
            OutputStream body = exchange.getResponseBody();
            body.write(enacted, 0, enacted.length / 2);
            body.flush();
            // Close the connection without sending the rest of the announced body.
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    static String template(String path) {
        return "http://127.0.0.1:" + port + "/" + path + "/BILLSTATUS-{congress}{type}{number}.xml";
    }

    @Test
    void aServedFileIsReadAndParsed() {
        OfficialBillRecord record = source.fetch(template("ok"), 117, BillType.HR, 2471);

        assertThat(record.stage()).isEqualTo(BillStage.ENACTED);
        assertThat(record.publicLaw()).isEqualTo("Public Law 117-103");
        assertThat(requests.get()).isPositive();
    }

    @Test
    void notFoundSaysSo() {
        assertThatThrownBy(() -> source.fetch(template("missing"), 117, BillType.HR, 2471))
            .isInstanceOf(UnavailableException.class)
            .hasMessage("Cannot read http://127.0.0.1:" + port + "/missing/BILLSTATUS-117hr2471.xml: HTTP 404");
    }

    @Test
    void aServerErrorSaysSo() {
        assertThatThrownBy(() -> source.fetch(template("broken"), 117, BillType.HR, 2471))
            .isInstanceOf(UnavailableException.class)
            .hasMessageEndingWith("/broken/BILLSTATUS-117hr2471.xml: HTTP 500");
    }

    @Test
    void aBodyCutShortIsRefused() {
        assertThatThrownBy(() -> source.fetch(template("cut"), 117, BillType.HR, 2471))
            .isInstanceOf(UnavailableException.class)
            .hasMessageStartingWith("Cannot read http://127.0.0.1:" + port + "/cut/BILLSTATUS-117hr2471.xml");
    }

    @Test
    void aFileForAnotherBillIsRefused() {
        assertThatThrownBy(() -> source.fetch(template("ok"), 117, BillType.HR, 1))
            .isInstanceOf(UnavailableException.class)
            .hasMessageContaining("describes H.R. 2471 (117th Congress), not H.R. 1 (117th Congress)");
    }

    @Test
    void onlyHttpsAndFileAddressesAreAccepted() {
        assertThatThrownBy(() -> source.fetch("ftp://example.org/{congress}{type}{number}.xml", 117, BillType.HR, 1))
            .isInstanceOf(UnavailableException.class)
            .hasMessageContaining("must be an https: or file: URL");
    }

}
