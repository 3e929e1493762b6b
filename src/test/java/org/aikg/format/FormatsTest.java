package org.aikg.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.aikg.TestData;
import org.aikg.UsageException;
import org.aikg.convert.DatasetWriter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one registry of formats: file extensions as Jena's languages list them, names, and writing without a switch per format. */
class FormatsTest {
    @Test
    void theFilesAikgWritesAreTheSixWithTurtleFirst() {
        assertEquals(List.of("ttl", "nt", "jsonld", "rdf", "trig", "nq"), Formats.FILES.stream().map(Format::suffix).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"out.ttl, Turtle", "OUT.TTL, Turtle", "a.nt, N-Triples", "a.jsonld, JSON-LD", "a.rdf, RDF/XML", "a.owl, RDF/XML",
            "a.xml, RDF/XML", "a.trig, TriG", "a.nq, N-Quads"})
    void aFileFormatIsKnownByTheExtensionsJenaListsForItsLanguage(String file, String label) {
        assertEquals(label, Formats.fileFormat(Path.of(file)).label());
    }

    @Test
    void aFileOfNoKnownExtensionIsNotAnRdfFile() {
        assertEquals(Optional.empty(), Formats.ofFile(Path.of("data.yaml")));
        assertEquals(Optional.empty(), Formats.ofFile(Path.of("ttl")));
        UsageException e = assertThrows(UsageException.class, () -> Formats.fileFormat(Path.of("out.txt")));
        assertEquals("cannot tell the format of \"out.txt\" from its extension (expected one of ttl, nt, jsonld, rdf, trig, nq; or give --format)",
                e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"turtle, Turtle", "N-Triples, N-Triples", "json-ld, JSON-LD", "owl, RDF/XML", "nquads, N-Quads", "trig, TriG"})
    void aFileFormatIsNamedByAnyOfItsNames(String name, String label) {
        assertEquals(label, Formats.named(name).label());
    }

    @Test
    void aNameOfNoFileFormatIsRefusedWithTheChoices() {
        UsageException e = assertThrows(UsageException.class, () -> Formats.named("csv"));
        assertEquals("unknown RDF format \"csv\" (expected one of ttl, nt, jsonld, rdf, trig, nq)", e.getMessage());
    }

    @Test
    void everyFormatsMediaTypeIsJenasForItsLanguage() {
        for (Format f : Formats.ALL) {
            if (f.lang() != null) assertEquals(f.lang().getHeaderString(), f.mediaType(), f.label());
        }
    }

    /**
     * A format that is not among the files (RDF Thrift), given a file writer, is written by the same
     * code as the six: one entry, no switch. Read back by Jena, it is the dataset written.
     */
    @Test
    void aNewFileFormatIsOneEntryTheWriterNeedsNoSwitch() {
        Format thrift = new Format("RDF Thrift", Format.Kind.RDF, List.of("application/rdf+thrift"), List.of("rt"), Lang.RDFTHRIFT,
                RDFFormat.RDF_THRIFT, RDFFormat.RDF_THRIFT, null, true);
        assertTrue(thrift.isFile() && thrift.streams());
        DatasetGraph dsg = TestData.dataset();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = DatasetWriter.write(dsg, thrift, out, java.util.Map.of());
        DatasetGraph back = DatasetGraphFactory.create();
        RDFParser.source(new ByteArrayInputStream(out.toByteArray())).lang(Lang.RDFTHRIFT).parse(back);
        assertEquals(dsg.stream().count(), written);
        assertTrue(IsoMatcher.isomorphic(dsg, back), "the Thrift file is not the dataset");
    }
}
