package org.advocacy.batch.billstatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The bundled real files, copied into a folder under the names GovInfo uses. */
final class BillStatusFiles {

    static final List<String> NAMES = List.of("BILLSTATUS-117hr1.xml", "BILLSTATUS-117hr2471.xml",
            "BILLSTATUS-117hr6658.xml", "BILLSTATUS-117s35.xml", "BILLSTATUS-117sconres7.xml",
            "legacy-BILLSTATUS-114hjres45.xml", "legacy-BILLSTATUS-114hr1314.xml", "legacy-BILLSTATUS-114hr3762.xml");

    private BillStatusFiles() {
    }

    static void copyAll(Path folder) throws IOException {
        for (String name : NAMES) {
            Files.write(folder.resolve(name.replaceFirst("^legacy-", "")), BillStatusParserTests.file(name));
        }
    }

    static String template(Path folder) {
        return folder.toUri() + "BILLSTATUS-{congress}{type}{number}.xml";
    }

}
