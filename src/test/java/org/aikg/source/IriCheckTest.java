package org.aikg.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The IRIs of sameAs, url, license and base: Jena's checker, plus what a reader cannot see. */
class IriCheckTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://www.wikidata.org/entity/Q148", "https://creativecommons.org/licenses/by/4.0/", "urn:isbn:9780262510875",
            "https://zh.wikipedia.org/wiki/天津", "https://example.org/a%20b?q=1#top", "HTTPS://EXAMPLE.ORG/",
            "http://example.org:65535/", "http://example.org:1/a", "http://[::1]:8080/kg/", "https://example.org/a/b?x=1.2.3"})
    void acceptsAbsoluteIrisOfTheAllowedSchemes(String iri) {
        assertNull(IriCheck.problem(iri, IriCheck.WEB_OR_URN));
    }

    /** The IRIs of the attack run on issue 10, finding 7, each with the reason given. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            http://example.org/a\\u0001b  | it holds U+0001 START OF HEADING at character 21 (an IRI has no spaces and no invisible characters)
            http://example.org/a\\u007Fb  | it holds U+007F DELETE at character 21 (an IRI has no spaces and no invisible characters)
            http://example.org/a\\u200Bb  | it holds U+200B ZERO WIDTH SPACE at character 21 (an IRI has no spaces and no invisible characters)
            http://example.org/a\\u00A0b  | it holds U+00A0 NO-BREAK SPACE at character 21 (an IRI has no spaces and no invisible characters)
            http://example.org/a b       | it holds U+0020 SPACE at character 21 (an IRI has no spaces and no invisible characters)
            http://example.org/%zz       | illegal percent encoding in the path: The host component a percent occurred without two following hexadecimal digits
            http:foo                     | required component missing in the host: A component that is required by the scheme is missing
            http://alice:pw@example.org/ | prohibited component present in the user: A component that is prohibited by the scheme is present
            //example.org/x              | it is not absolute (expected a scheme, such as https:)
            javascript:alert(1)          | the scheme "javascript" is not one aikg publishes (expected http or https or urn)
            http://example.org:99999999/ | the port "99999999" is not a number from 1 to 65535
            http://example.org:65536/    | the port "65536" is not a number from 1 to 65535
            http://example.org:0/        | the port "0" is not a number from 1 to 65535
            http://example.org:/         | the port "" is not a number from 1 to 65535
            http://example\uFF0Eorg/     | its host holds U+FF0E FULLWIDTH FULL STOP, which a browser reads as '.' (write the host with '.' only)
            http://example\u3002org/     | its host holds U+3002 IDEOGRAPHIC FULL STOP, which a browser reads as '.' (write the host with '.' only)
            http://example\uFF61org/     | its host holds U+FF61 HALFWIDTH IDEOGRAPHIC FULL STOP, which a browser reads as '.' (write the host with '.' only)
            """)
    void refusesWithTheReason(String written, String reason) {
        String iri = written.replace("\\uFF0E", "\uFF0E").replace("\\u3002", "\u3002").replace("\\uFF61", "\uFF61").replace("\\u0001", "\u0001").replace("\\u007F", "\u007F").replace("\\u200B", "\u200B").replace("\\u00A0", "\u00A0");
        assertEquals(reason, IriCheck.problem(iri, IriCheck.WEB_OR_URN));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"urn:isbn:9780262510875", "ftp://example.org/"})
    void theBaseAndTheLicenceAreWebIris(String iri) {
        assertEquals("the scheme \"" + iri.substring(0, iri.indexOf(':')) + "\" is not one aikg publishes (expected http or https)",
                IriCheck.problem(iri, IriCheck.WEB));
    }
}
