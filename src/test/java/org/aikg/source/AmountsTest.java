package org.aikg.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.aikg.source.FactSheet.Amount;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountsTest {
    @ParameterizedTest(name = "\"{0}\" in {1} reads as {2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            exceeded 4,000                    | NUM     | MoreThan      | 4000            | 4000.0
            578.4 billion                     | CNY     | Exact         | 578400000000    | 578400000000.0
            578.4 billion Chinese yuan        | CNY     | Exact         | 578400000000    | 578400000000.0
            about 1.44 trillion Chinese yuan  | CNY     | Approximately | 1440000000000   | 1440000000000.0
            13.9%                             | PERCENT | Exact         | 13.9            | 13.9
            15%                               | PERCENT | Exact         | 15              | 15.0
            at least 2 million                | NUM     | AtLeast       | 2000000         | 2000000.0
            less than 0.5 thousand            | NUM     | LessThan      | 500             | 500.0
            up to 3 billion US dollars        | USD     | AtMost        | 3000000000      | 3000000000.0
            5784亿元                           | CNY     | Exact         | 578400000000    | 578400000000.0
            约1.44万亿元                        | CNY     | Approximately | 1440000000000   | 1440000000000.0
            超过4000                           | NUM     | MoreThan      | 4000            | 4000.0
            3.5万                              | NUM     | Exact         | 35000           | 35000.0
            0.1                               | PERCENT | Exact         | 0.1             | 0.1
            """)
    void readsTheAmountExactlyWithItsQualifier(String stated, Unit unit, Qualifier qualifier, String value, String lexical) {
        Amount a = Amounts.parse(stated, unit);
        assertEquals(qualifier, a.qualifier());
        assertEquals(0, new BigDecimal(value).compareTo(a.value()), () -> a.value().toPlainString());
        assertEquals(lexical, a.lexical());
    }

    @ParameterizedTest(name = "\"{0}\" in {1} is refused")
    @CsvSource(delimiter = '|', textBlock = """
            five hundred           | NUM     | cannot read "five hundred" as an amount
            4,000 widgets          | NUM     | cannot read "widgets"
            578.4 billion yuan     | PERCENT | is in CNY, but the unit is PERCENT
            13.9%                  | CNY     | is in PERCENT, but the unit is CNY
            about                  | NUM     | cannot read "about" as an amount
            """)
    void refusesWordingItCannotRead(String stated, Unit unit, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Amounts.parse(stated, unit));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
