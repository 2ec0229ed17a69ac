package org.advocacy.bills;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one local folder of a test JVM that the application reads Bill Status files from
 * ({@link BillStatusFolderContextCustomizerFactory}); each bill test writes only its own
 * bill's file.
 */
final class BillStatusFolder {

    static final Path FOLDER;

    static {
        try {
            FOLDER = Files.createTempDirectory("billstatus");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BillStatusFolder() {
    }

    static String statusUrl() {
        return FOLDER.toUri() + "BILLSTATUS-{congress}{type}{number}.xml";
    }

}
