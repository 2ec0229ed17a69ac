package org.advocacy.batch.districts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.advocacy.legislators.ZctaDistrict;
import org.junit.jupiter.api.Test;

class ZctaParserTests {

    @Test
    void readsRowsWithCrlfOrLfEndingsAByteOrderMarkAndBlankLines() {
        List<ZctaDistrict> rows = ZctaParser
            .parse(bytes("\uFEFFstate_fips,state_abbr,zcta,cd\r\n01,AL,35004,3\r\n\r\n50,VT,05401,0\n\n"));

        assertThat(rows).extracting(ZctaDistrict::zcta).containsExactly("35004", "05401");
        assertThat(rows).extracting(ZctaDistrict::state).containsExactly("AL", "VT");
        assertThat(rows).extracting(ZctaDistrict::district).containsExactly(3, 0);
    }

    @Test
    void aFileWithoutTheHeaderIsRefused() {
        assertThatThrownBy(() -> ZctaParser.parse(bytes("01,AL,35004,3\r\n")))
            .hasMessage("The ZIP-to-district file does not start with the header state_fips,state_abbr,zcta,cd");
    }

    @Test
    void aRowWithTheWrongNumberOfColumnsNamesItsLine() {
        assertThatThrownBy(() -> ZctaParser.parse(bytes("state_fips,state_abbr,zcta,cd\n01,AL,35004,3\n01,AL,35005\n")))
            .hasMessage("Line 3 of the ZIP-to-district file has 3 columns, not 4");
    }

    @Test
    void aValueThatDoesNotParseNamesItsLine() {
        assertThatThrownBy(() -> ZctaParser.parse(bytes("state_fips,state_abbr,zcta,cd\n01,AL,35004,x\n")))
            .hasMessageStartingWith("Line 2 of the ZIP-to-district file: ");
    }

    @Test
    void aFileWithOnlyTheHeaderHasNoRows() {
        assertThatThrownBy(() -> ZctaParser.parse(bytes("state_fips,state_abbr,zcta,cd\r\n")))
            .hasMessage("The ZIP-to-district file has no rows");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
