package org.advocacy.bills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BillNumberTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|',
            value = { "119 H.R. 4323|119|HR|4323", "117th S. 35|117|S|35", " 117 s.con.res. 7 |117|SCONRES|7",
                    "114 H.J.Res. 45|114|HJRES|45", "114 hr 1314|114|HR|1314", "118 H. Res. 12|118|HRES|12" })
    void readsTheWaysPeopleWriteBillNumbers(String text, int congress, BillType type, int number) {
        assertThat(BillNumber.parse(text)).isEqualTo(new BillNumber(congress, type, number));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "H.R. 4323", "119 4323", "119 H.R.", "119 H.R. 4323; drop table bill" })
    void refusesWhatIsNotABillNumberWithAnExample(String text) {
        assertThatThrownBy(() -> BillNumber.parse(text)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("for example \"119 H.R. 4323\"");
    }

    @ParameterizedTest
    @ValueSource(strings = { "119 X.R. 1", "119 bill 5" })
    void namesAnUnknownKindOfBill(String text) {
        assertThatThrownBy(() -> BillNumber.parse(text)).hasMessageContaining("is not a kind of bill");
    }

    @ParameterizedTest
    @ValueSource(strings = { "12 H.R. 1", "119 H.R. 0" })
    void refusesACongressOrNumberOutOfRange(String text) {
        assertThatThrownBy(() -> BillNumber.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

}
