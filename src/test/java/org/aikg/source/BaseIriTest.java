package org.aikg.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one form of a base: RFC 3986 6.2.2.1 (case) and 6.2.3 (default port); dot segments (5.2.4) refused, not resolved. */
class BaseIriTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            HTTPS://Example.ORG/kg/          | https://example.org/kg/
            http://EXAMPLE.org:80/kg/        | http://example.org/kg/
            https://example.org:443/KG/      | https://example.org/KG/
            https://example.org:8443/kg/     | https://example.org:8443/kg/
            http://example.org:443/kg/       | http://example.org:443/kg/
            https://w3id.org/ai-industry-kg/ | https://w3id.org/ai-industry-kg/
            """)
    void caseAndDefaultPortAreBroughtToTheNormalFormThePathIsKept(String written, String normal) {
        assertEquals(normal, BaseIri.normalise(written));
        assertNull(BaseIri.problem(normal));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://example.org/a/../kg/", "https://example.org/./kg/", "https://example.org/kg/../", "https://example.org/a/%2E%2e/kg/",
            "https://example.org/a/.%2E/"})
    void aDotSegmentIsRefused(String written) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BaseIri.normalise(written));
        assertEquals(true, e.getMessage().startsWith("its path holds the dot segment"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://example.org/kg", "https://example.org/kg/?x=1/", "https://example.org/kg/#/"})
    void aBaseEndsWithASlashAndHasNoQueryOrFragment(String written) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BaseIri.normalise(written));
        assertEquals("things are minted under it as {base}id/..., so it ends with '/' and has no '?' or '#'", e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            HTTPS://example.org/kg/     | https://example.org/kg/
            https://example.org:443/kg/ | https://example.org/kg/
            """)
    void aBaseNotInNormalFormIsNamedWithItsNormalForm(String written, String normal) {
        assertEquals("it is not in normal form (expected \"" + normal + "\": scheme and host in lower case, no default port)", BaseIri.problem(written));
    }
}
