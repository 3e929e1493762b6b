package org.aikg.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.aikg.vocab.Vocab;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shapes' rules for dates, through validate: an observation's date is an xsd:gYear, xsd:gYearMonth
 * or xsd:date, at most one; an article's publication date is exactly one xsd:date. Each case changes the
 * dates of a conforming graph (src/test/resources/conforming/one-observation.ttl) and gives the exact
 * report: nothing for a good date, one violation naming the bad value for a bad one.
 */
class DateShapesTest {
    static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    static final Node OBSERVATION = NodeFactory.createURI("https://example.org/kg/id/obs");
    static final Node ARTICLE = NodeFactory.createURI("https://example.org/kg/id/article");
    static final Node OBSERVATION_DATE = NodeFactory.createURI(Vocab.SCHEMA + "observationDate");
    static final Node DATE_PUBLISHED = NodeFactory.createURI(Vocab.SCHEMA + "datePublished");
    static final String OBSERVATION_RULE = "an observation has at most one schema:observationDate, an xsd:gYear, xsd:gYearMonth or xsd:date, as precise "
            + "as the source (leave it out when the source gives no date)";
    static final String ARTICLE_RULE = "a news article needs exactly one schema:datePublished, an xsd:date";

    /** The report on the conforming graph with its article's publication date(s) and its observation's date(s) replaced ("" for none). */
    static Validator.Result validate(String published, String observed) {
        Graph g = RDFDataMgr.loadGraph("src/test/resources/conforming/one-observation.ttl");
        g.remove(ARTICLE, DATE_PUBLISHED, Node.ANY);
        for (String d : published.isBlank() ? List.<String>of() : List.of(published.split(" "))) g.add(ARTICLE, DATE_PUBLISHED, literal(d));
        for (String d : observed.isBlank() ? List.<String>of() : List.of(observed.split(" "))) g.add(OBSERVATION, OBSERVATION_DATE, literal(d));
        return Validator.bundled().validate(g, Vocab.standardPrefixes());
    }

    /** {@code 2023^^gYear} as a literal of that XSD type; a bare text as an xsd:string. */
    static Node literal(String written) {
        int at = written.indexOf("^^");
        if (at < 0) return NodeFactory.createLiteralString(written);
        return NodeFactory.createLiteralDT(written.substring(0, at), TypeMapper.getInstance().getSafeTypeByName(XSD + written.substring(at + 2)));
    }

    @ParameterizedTest(name = "published {0}, observed {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-01-02^^date | ''
            2024-01-02^^date | 2023^^gYear
            2024-01-02^^date | 2023-06^^gYearMonth
            2024-01-02^^date | 2023-06-15^^date
            2024-02-29^^date | 2024-02^^gYearMonth
            """)
    void aDateOfTheAllowedTypeConforms(String published, String observed) {
        Validator.Result r = validate(published, observed);
        assertEquals(List.of(), r.lines());
        assertEquals(true, r.conforms());
    }

    @ParameterizedTest(name = "observed {0}")
    @CsvSource(delimiter = '|', textBlock = """
            2023                         | "2023"
            2023^^integer                | "2023"
            2023-06-15T00:00:00^^dateTime | "2023-06-15T00:00:00"
            2023-06-15Z^^string          | "2023-06-15Z"
            2023-13^^gYearMonth          | "2023-13"
            2023-06-31^^date             | "2023-06-31"
            23^^gYear                    | "23"
            """)
    void anObservationDateOfAnotherTypeOrIllFormedIsAViolation(String observed, String shown) {
        Validator.Result r = validate("2024-01-02^^date", observed);
        assertEquals(List.of("violation: <https://example.org/kg/id/obs> schema:observationDate: " + OBSERVATION_RULE + " (value: " + shown + ")"), r.lines());
        assertEquals(false, r.conforms());
    }

    @ParameterizedTest(name = "published {0}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-01-02                    | "2024-01-02"
            2024^^gYear                   | "2024"
            2024-01^^gYearMonth           | "2024-01"
            2024-01-02T10:00:00^^dateTime | "2024-01-02T10:00:00"
            2024-13-02^^date              | "2024-13-02"
            2024-02-30^^date              | "2024-02-30"
            """)
    void aPublicationDateThatIsNotAnXsdDateIsAViolation(String published, String shown) {
        Validator.Result r = validate(published, "2023^^gYear");
        assertEquals(List.of("violation: <https://example.org/kg/id/article> schema:datePublished: " + ARTICLE_RULE + " (value: " + shown + ")"), r.lines());
        assertEquals(false, r.conforms());
    }

    @ParameterizedTest(name = "published {0}, observed {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                | 2023^^gYear                  | <https://example.org/kg/id/article> schema:datePublished: A_RULE
            2024-01-02^^date 2024-01-03^^date | 2023^^gYear                  | <https://example.org/kg/id/article> schema:datePublished: A_RULE
            2024-01-02^^date                  | 2023^^gYear 2023-06^^gYearMonth | <https://example.org/kg/id/obs> schema:observationDate: O_RULE
            """)
    void aMissingOrASecondDateIsAViolation(String published, String observed, String expected) {
        Validator.Result r = validate(published, observed);
        assertEquals(List.of("violation: " + expected.replace("A_RULE", ARTICLE_RULE).replace("O_RULE", OBSERVATION_RULE)), r.lines());
        assertEquals(false, r.conforms());
    }
}
