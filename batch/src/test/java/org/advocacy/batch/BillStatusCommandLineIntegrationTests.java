package org.advocacy.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code --advocacy.run-job=bill-status-sync}: the run prints its summary and exits
 * non-zero when a bill could not be synced (the demo bill, whose file is not in the
 * folder), having updated the bills whose files are there.
 */
@SpringBootTest(properties = { "advocacy.run-job=bill-status-sync", "advocacy.run-job-exit=false" })
class BillStatusCommandLineIntegrationTests {

    static final Path FOLDER;

    static {
        try (InputStream in = BillStatusCommandLineIntegrationTests.class
            .getResourceAsStream("/billstatus/BILLSTATUS-117hr6658.xml")) {
            FOLDER = Files.createTempDirectory("billstatus-cli");
            Files.write(FOLDER.resolve("BILLSTATUS-117hr6658.xml"), in.readAllBytes());
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void statusUrl(DynamicPropertyRegistry registry) {
        registry.add("advocacy.bills.status-url", () -> FOLDER.toUri() + "BILLSTATUS-{congress}{type}{number}.xml");
    }

    @Autowired
    CommandLineJobRun commandLine;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theRunPrintsItsSummaryAndExitsNonZeroWhenABillFailed() {
        jdbc.sql("insert into bill (congress, bill_type, number, short_title) values (117, 'HR', 6658, 'Tracked') "
                + "on conflict do nothing")
            .update();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = commandLine.runOnce(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(CommandLineJobRun.FAILED);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("bill-status-sync failed (FAILED): ")
            .contains(" failed; ")
            .contains("H.R. 4323 (119th): Cannot read")
            .doesNotContain("Exception");
        assertThat(jdbc.sql(
                "select stage || ' ' || sponsor_id from bill where congress = 117 and bill_type = 'HR' and number = 6658")
            .query(String.class)
            .single()).isEqualTo("IN_COMMITTEE D000619");
    }

}
