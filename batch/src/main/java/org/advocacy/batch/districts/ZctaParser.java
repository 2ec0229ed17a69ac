package org.advocacy.batch.districts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.advocacy.legislators.ZctaDistrict;

/**
 * Reads the ZCTA-to-district CSV ({@code state_fips,state_abbr,zcta,cd}, CRLF or LF line
 * endings). A row that does not parse fails the file with its line number.
 */
final class ZctaParser {

    static final String HEADER = "state_fips,state_abbr,zcta,cd";

    private ZctaParser() {
    }

    static List<ZctaDistrict> parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals(HEADER)) {
            throw new ZctaFileException("The ZIP-to-district file does not start with the header " + HEADER);
        }
        List<ZctaDistrict> rows = new ArrayList<>(lines.length);
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 4) {
                throw new ZctaFileException("Line " + (i + 1) + " of the ZIP-to-district file has "
                        + cells.length + " columns, not 4");
            }
            try {
                rows.add(new ZctaDistrict(cells[2].strip(), cells[1].strip(), Integer.parseInt(cells[3].strip())));
            }
            catch (IllegalArgumentException e) {
                throw new ZctaFileException("Line " + (i + 1) + " of the ZIP-to-district file: " + e.getMessage());
            }
        }
        if (rows.isEmpty()) {
            throw new ZctaFileException("The ZIP-to-district file has no rows");
        }
        return rows;
    }

    static final class ZctaFileException extends RuntimeException {

        ZctaFileException(String message) {
            super(message);
        }
    }
}
