package org.aikg.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aikg.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sheet reader refuses what the model rules out, with the bad value and its place: an id defined twice
 * (claims, schemes and concepts share one set of ids with entities and variables), a headline, name or claim
 * without English, two values where one is asked, an author that is no person or organization. Each case
 * changes one line of a small sheet that is read without complaint as it is.
 */
class SheetReaderTest {
    /** A sheet that reads: people and organizations as authors, a list where a list is allowed, two schemes. */
    static final String SHEET = """
            source:
              id: acme-2024
              text: text.txt
              headline:
                en: Widgets Report
              datePublished: 2024-01-02
              inLanguage: en
              publisher: acme
            entities:
              - id: acme
                type: Organization
                name:
                  en: Acme
                alternateName:
                  en: [Acme Widgets, Acme Inc.]
              - id: ruritania
                type: Country
                name:
                  en: Ruritania
              - id: jane-doe
                type: Person
                name:
                  en: Jane Doe
                  zh: 简·多伊
              - id: widgets-report
                type: Report
                name:
                  en: Widgets Report
                author: [acme, jane-doe]
            claims:
              - id: acme-demand-strong
                author: acme
                text:
                  en: Demand is strong.
                evidence:
                  quote: Acme said demand is strong.
                  prefix: "widgets. "
              - id: jane-widgets-sold
                author: jane-doe
                text:
                  en: Acme sold widgets.
                evidence: Acme sold more than 4,000 widgets.
            schemes:
              - id: widget-kinds
                label:
                  en: Kinds of widget
                  zh: 小部件种类
                concepts:
                  - id: small-widgets
                    label: {en: small widgets, zh: 小部件}
                  - id: large-widgets
                    label: {en: large widgets, zh: 大部件}
              - id: colours
                label:
                  en: Colours
                  zh: 颜色
                concepts:
                  - id: red
                    label: {en: red, zh: 红色}
            """;
    static final String TEXT = "Widgets Report\n\nIn 2023, Acme sold more than 4,000 widgets. Acme said demand is strong.\nAcme said demand is strong.\n";

    @TempDir
    Path dir;

    FactSheet read(String sheet) throws Exception {
        Files.writeString(dir.resolve("text.txt"), TEXT, StandardCharsets.UTF_8);
        Path file = dir.resolve("sheet.yaml");
        Files.writeString(file, sheet, StandardCharsets.UTF_8);
        return new SheetReader(file, dir.toRealPath()).read();
    }

    static String changed(String from, String to) {
        assertEquals(1, SHEET.split(java.util.regex.Pattern.quote(from), -1).length - 1, "the sheet holds " + from + " once");
        return SHEET.replace(from, to);
    }

    @Test
    void theSheetAsItIsReads() throws Exception {
        FactSheet s = read(SHEET);
        assertEquals(List.of("acme-demand-strong", "jane-widgets-sold"), s.claims().stream().map(FactSheet.Claim::id).toList());
        assertEquals(List.of("widget-kinds", "colours"), s.schemes().stream().map(FactSheet.Scheme::id).toList());
        assertEquals(List.of("Acme", "Acme Widgets", "Acme Inc."), s.entities().get(0).properties().stream()
                .filter(p -> p.key() == EntityKey.name || p.key() == EntityKey.alternateName).map(p -> ((FactSheet.Text) p.value()).value()).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            a claim's id twice             | '- id: jane-widgets-sold' | '- id: acme-demand-strong' | 38:9: duplicate id "acme-demand-strong" (first defined at line 31)
            a claim with an entity's id    | '- id: jane-widgets-sold' | '- id: ruritania'          | 38:9: duplicate id "ruritania" (first defined at line 16)
            a scheme's id twice            | '- id: colours'           | '- id: widget-kinds'       | 53:9: duplicate id "widget-kinds" (first defined at line 44)
            a scheme with a claim's id     | '- id: colours'           | '- id: acme-demand-strong' | 53:9: duplicate id "acme-demand-strong" (first defined at line 31)
            a concept's id twice           | '- id: large-widgets'     | '- id: small-widgets'      | 51:13: duplicate id "small-widgets" (first defined at line 49)
            a concept with another scheme's concept's id | '- id: red' | '- id: large-widgets'  | 58:13: duplicate id "large-widgets" (first defined at line 51)
            a concept with its scheme's id | '- id: red'               | '- id: colours'            | 58:13: duplicate id "colours" (first defined at line 53)
            """)
    void anIdDefinedTwiceIsRefusedWhereItIsDefinedAgain(String name, String from, String to, String expected) {
        assertRefused(changed(from, to), expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            a headline in Chinese only    | '    en: Widgets Report\n  datePublished' | '    zh: 小部件报告\n  datePublished' | 5:5: "headline" needs an English (en) value
            a name in Chinese only        | '      en: Jane Doe\n'                     | ''                                   | 23:7: "name" needs an English (en) value
            a claim's text in Chinese only | '      en: Demand is strong.'            | '      zh: 需求强劲。'                | 34:7: "text" needs an English (en) value
            a concept's label in Chinese only | '{en: red, zh: 红色}'                  | '{zh: 红色}'                          | 59:16: "label" needs an English (en) value
            """)
    void aTextWithoutEnglishIsRefused(String name, String from, String to, String expected) {
        assertRefused(changed(from.replace("\\n", "\n"), to.replace("\\n", "\n")), expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            two English headlines       | '    en: Widgets Report\n  datePublished' | '    en: [Widgets Report, The Widgets Report]\n  datePublished' | 5:9: "headline" takes one en value, not a list
            two English names           | '      en: Acme\n'                         | '      en: [Acme, ACME]\n'                    | 13:11: "name" takes one en value, not a list
            two Chinese names           | '      zh: 简·多伊'                         | '      zh: [简·多伊, 多伊]'                    | 24:11: "name" takes one zh value, not a list
            two English texts of a claim | '      en: Demand is strong.'              | '      en: [Demand is strong., Demand grows.]' | 34:11: "text" takes one en value, not a list
            two Chinese scheme labels   | '      zh: 颜色'                            | '      zh: [颜色, 色彩]'                       | 56:11: "label" takes one zh value, not a list
            """)
    void twoValuesWhereOneIsAskedAreRefused(String name, String from, String to, String expected) {
        assertRefused(changed(from.replace("\\n", "\n"), to.replace("\\n", "\n")), expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            a country as a claim's author  | '    author: acme\n'          | '    author: ruritania\n'        | 32:13: "ruritania" is a Country, but an author must be a person or an organization
            a report as a claim's author   | '    author: jane-doe\n'      | '    author: widgets-report\n'   | 39:13: "widgets-report" is a Report, but an author must be a person or an organization
            a country as a report's author | 'author: [acme, jane-doe]'    | 'author: [acme, ruritania]'      | 29:20: "ruritania" is a Country, but an author must be a person or an organization
            """)
    void anAuthorThatIsNoPersonOrOrganizationIsRefused(String name, String from, String to, String expected) {
        assertRefused(changed(from.replace("\\n", "\n"), to.replace("\\n", "\n")), expected);
    }

    void assertRefused(String sheet, String expected) {
        DataException e = assertThrows(DataException.class, () -> read(sheet));
        assertTrue(e.getMessage().startsWith(dir.resolve("sheet.yaml") + ":"), e.getMessage());
        assertEquals(expected, e.getMessage().substring(dir.resolve("sheet.yaml").toString().length() + 1));
    }
}
