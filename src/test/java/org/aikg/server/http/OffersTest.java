package org.aikg.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.aikg.format.Format;
import org.aikg.format.Formats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The choice among offers: aikg's tie rules (Turtle for no preference, HTML only when asked, HTML
 * before RDF/XML for a browser) on top of RFC 9110's q-values, as Jena's AcceptList matches them. The
 * expected formats come from RFC 9110 §12.5.1 and WEB.md, not from the code.
 */
class OffersTest {
    static String page(String accept) {
        return Offers.PAGE.choose(accept).map(Format::label).orElse("406");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            NONE                                                                      | Turtle
            ''                                                                        | Turtle
            */*                                                                       | Turtle
            *                                                                         | Turtle
            text/*                                                                    | Turtle
            application/*                                                             | N-Triples
            text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8           | HTML
            text/html,application/xhtml+xml,application/xml;q=0.9,image/webp,*/*;q=0.8 | HTML
            application/rdf+xml, text/html                                            | HTML
            application/xml                                                           | RDF/XML
            text/html;q=0.5, text/turtle                                              | Turtle
            text/html;Q=0, text/turtle;q=0.5                                          | Turtle
            */*;q=0.1, text/html;q=0                                                  | Turtle
            text/turtle;q=0, */*                                                      | HTML
            application/json                                                          | JSON-LD
            text/plain                                                                | N-Triples
            TEXT/TURTLE                                                               | Turtle
            application/n-triples;q=0.9, application/ld+json                          | JSON-LD
            image/png                                                                 | 406
            text/turtle;q=0                                                           | 406
            foo, ;;;, text/, /html                                                    | Turtle
            */*;q=abc, application/ld+json                                            | JSON-LD
            """)
    void pageFormatFollowsTheAcceptHeader(String accept, String expected) {
        assertEquals(expected, page(accept));
    }

    @Test
    void resultsDefaultToJsonAndTheFirstOfEqualTypesWins() {
        assertEquals(Optional.of(Formats.RESULTS_JSON), Offers.SELECT.choose("*/*"));
        assertEquals(Optional.of(Formats.RESULTS_XML), Offers.SELECT.choose("application/sparql-results+xml, application/sparql-results+json;q=0.9"));
        assertEquals(Optional.of(Formats.RESULTS_THRIFT), Offers.SELECT.choose("application/sparql-results+thrift"));
        assertEquals(Optional.empty(), Offers.ASK.choose("application/sparql-results+thrift"), "ASK has no Thrift form");
        assertEquals(Optional.of(Formats.RDF_THRIFT), Offers.GRAPH.choose("application/rdf+thrift, application/n-triples;q=0.9"));
    }

    @Test
    void formatNamesAreReadPerAnswerKind() {
        assertEquals(Optional.of(Formats.RDFXML), Offers.GRAPH.named("xml"), "SPARQLWrapper's format=xml on a CONSTRUCT");
        assertEquals(Optional.of(Formats.RESULTS_XML), Offers.SELECT.named("xml"));
        assertEquals(Optional.of(Formats.JSONLD), Offers.GRAPH.named("json"));
        assertEquals(Optional.of(Formats.RESULTS_JSON), Offers.SELECT.named("json"));
        assertEquals(Optional.of(Formats.RESULTS_CSV), Offers.SELECT.named("text/csv"));
        assertEquals(Optional.of(Formats.TURTLE), Offers.GRAPH.named("text/turtle; charset=utf-8"));
        assertEquals(Optional.of(Formats.RDFXML), Offers.GRAPH.named("rdf+xml"));
        assertEquals(Optional.of(Formats.TURTLE), Offers.SELECT.named("turtle"), "a SELECT asked for RDF: the result-set vocabulary");
        assertEquals(Optional.of(Formats.RESULTS_TEXT), Offers.SELECT.named("text"));
    }

    @Test
    void everyMediaTypeAndSuffixIsWrittenOnceInTheRegistry() {
        List<String> suffixes = Formats.ALL.stream().map(Format::suffix).toList();
        assertEquals(suffixes.size(), suffixes.stream().distinct().count(), "suffixes are unique: " + suffixes);
        List<String> own = Formats.ALL.stream().filter(f -> f != Formats.JSON).map(Format::mediaType).toList();
        assertEquals(own.size(), own.stream().distinct().count(), "each format has its own media type: " + own);
    }
}
