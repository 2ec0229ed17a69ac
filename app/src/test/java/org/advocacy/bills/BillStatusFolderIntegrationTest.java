package org.advocacy.bills;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application reading Bill Status files from one local folder, with nothing on
 * a schedule (the tests run the sync themselves). The bill test classes extend it, so
 * they share one application context; each writes only its own bill's file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BillStatusFolderIntegrationTest {

    static final Path FOLDER;

    static {
        try {
            FOLDER = Files.createTempDirectory("billstatus");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void statusUrl(DynamicPropertyRegistry registry) {
        registry.add("advocacy.bills.status-url", () -> FOLDER.toUri() + "BILLSTATUS-{congress}{type}{number}.xml");
        registry.add("advocacy.scheduling.enabled", () -> "false");
    }

}
