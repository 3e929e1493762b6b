package org.aikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.aikg.server.site.Dates;
import org.aikg.server.site.LabelOrder;
import org.aikg.server.site.Labels;
import org.aikg.server.site.Numbers;
import org.aikg.server.site.Words;
import org.aikg.vocab.AIKG;
import org.aikg.vocab.Vocab;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sizes, counts, dates and the order of labels, as a reader sees them in each language. */
class WordingTest {
    @ParameterizedTest(name = "{0} bytes -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0        | 0 B
            1023     | 1,023 B
            1024     | 1 KiB
            29033    | 28.4 KiB
            4300     | 4.2 KiB
            1048524  | 1,023.9 KiB
            1048525  | 1 MiB
            1048576  | 1 MiB
            1572864  | 1.5 MiB
            """)
    void sizesAreBinaryMultiplesWithOneDecimal(long bytes, String expected) {
        assertEquals(expected, Numbers.bytes(bytes, "en"));
        assertEquals(expected, Numbers.bytes(bytes, "zh"));
    }

    @ParameterizedTest(name = "{0} {1} {2} ({3}) -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            4000         | NUM     | MoreThan      | en | more than 4,000
            120000       | NUM     |               | en | 120,000
            123456.25    | NUM     |               | en | 123,456.25
            -1234.50     | NUM     | Approximately | en | about -1,234.5
            999          | NUM     |               | en | 999
            0.5          | NUM     |               | en | 0.5
            25.20        | PERCENT | Exact         | en | 25.2 %
            1000000      | NUM     |               | en | 1 million
            578400000000 | CCY_CNY |               | en | 578.4 billion CNY
            578400000000 | CCY_CNY |               | zh | 5784亿元
            7000         | NUM     | AtLeast       | zh | 至少7000
            """)
    void figuresKeepTheirDigitsGroupedByThousands(String value, String unit, String qualifier, String lang, String expected) {
        assertEquals(expected, Numbers.format(new BigDecimal(value), Vocab.UNIT + unit, qualifier == null ? null : AIKG.NS + qualifier, lang));
    }

    @ParameterizedTest(name = "{0} {1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            2024-06-20 | date       | en | 20 June 2024
            2024-06-20 | date       | zh | 2024年6月20日
            2024-06    | gYearMonth | en | June 2024
            2024-06    | gYearMonth | zh | 2024年6月
            2023       | gYear      | en | 2023
            2023       | gYear      | zh | 2023年
            """)
    void datesKeepTheirPrecision(String lexical, String type, String lang, String expected) {
        var dt = switch (type) {
            case "date" -> XSDDatatype.XSDdate;
            case "gYearMonth" -> XSDDatatype.XSDgYearMonth;
            default -> XSDDatatype.XSDgYear;
        };
        assertEquals(expected, Dates.format(NodeFactory.createLiteralDT(lexical, dt), lang));
    }

    @Test
    void aStatisticsPeriodFollowsItsNameInEachLanguagesPunctuation() {
        var year = NodeFactory.createLiteralDT("2023", XSDDatatype.XSDgYear);
        assertEquals(" (2023)", Labels.periodSuffix(year, "en"));
        assertEquals("（2023年）", Labels.periodSuffix(year, "zh"));
    }

    @Test
    void labelsWithNumbersSortByTheNumbersValue() {
        List<String> labels = new ArrayList<>(List.of("characters 1081–1215 of the article", "characters 173–297 of the article",
                "characters 102–167 of the article", "characters 1359–1479 of the article", "characters 1346–1640 of the article"));
        labels.sort(LabelOrder::natural);
        assertEquals(List.of("characters 102–167 of the article", "characters 173–297 of the article", "characters 1081–1215 of the article",
                "characters 1346–1640 of the article", "characters 1359–1479 of the article"), labels);
    }

    @Test
    void passagesAreNamedByTheirCharactersInEachLanguage() {
        assertEquals("characters 1081–1215 of the article", Words.of("en").characters(1081, 1215));
        assertEquals("原文第1081–1215个字符", Words.of("zh").characters(1081, 1215));
    }
}
