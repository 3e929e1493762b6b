package org.aikg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.aikg.TestCli.Run;
import org.aikg.TestCli;
import org.aikg.TestData;
import org.aikg.input.Graphs;
import org.aikg.server.AikgServer;
import org.aikg.store.Datasets;
import org.aikg.store.Tdb2Store;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One normalisation of what convert accepts and validate, load and serve check (issue 18, point 5):
 * what convert writes, validate accepts and serve publishes; what load accepts, serve serves. The
 * faults that are refused with their place have a folder each under {@code bad/} (CliTest).
 */
class NormalisationTest {
    @TempDir
    Path tmp;

    private Path minimalData() throws IOException {
        return TestData.minimalDataIn(tmp);
    }

    private static void replaceIn(Path file, String from, String to) throws IOException {
        String s = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(s.contains(from), from + " not in " + file);
        Files.writeString(file, s.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void aBaseInAnotherCaseOrWithItsDefaultPortIsMintedUnderItsNormalFormWhichValidateLoadAndServeAccept() throws IOException {
        Path data = minimalData();
        replaceIn(data.resolve("dataset.yaml"), "base: https://example.org/kg/", "base: HTTPS://EXAMPLE.ORG:443/kg/");
        Path out = tmp.resolve("out.nq");
        Run convert = TestCli.run("convert", data.toString(), "-o", out.toString());
        assertEquals(0, convert.code(), convert::toString);

        DatasetGraph written = RDFDataMgr.loadDatasetGraph(out.toString());
        List<String> iris = written.stream().flatMap(q -> Stream.of(q.getGraph(), q.getSubject())).filter(Node::isURI).map(Node::getURI)
                .filter(i -> i.toLowerCase(java.util.Locale.ROOT).contains("example.org")).distinct().toList();
        assertFalse(iris.isEmpty());
        assertTrue(iris.stream().allMatch(i -> i.startsWith("https://example.org/kg/")), iris::toString);

        Run validate = TestCli.run("validate", out.toString());
        assertEquals(0, validate.code(), validate::toString);
        Path store = tmp.resolve("store");
        Run load = TestCli.run("load", "--tdb2", store.toString(), out.toString());
        assertEquals(0, load.code(), load::toString);
        assertEquals("https://example.org/kg/", Tdb2Store.open(store).description().base());
    }

    @Test
    void aFileWhoseDescriptionNamesABaseNotInNormalFormIsRefusedAlikeByValidateAndLoad() throws IOException {
        Path out = tmp.resolve("out.nq");
        assertEquals(0, TestCli.run("convert", minimalData().toString(), "-o", out.toString()).code());
        Path upper = tmp.resolve("upper.nq");
        Files.writeString(upper, Files.readString(out).replace("https://example.org/kg/", "https://EXAMPLE.org/kg/"));

        String reason = "bad base IRI \"https://EXAMPLE.org/kg/\": it is not in normal form (expected \"https://example.org/kg/\": "
                + "scheme and host in lower case, no default port)";
        Run validate = TestCli.run("validate", upper.toString());
        assertEquals(1, validate.code(), validate::toString);
        assertTrue(validate.err().contains(reason), validate::toString);
        Path store = tmp.resolve("store");
        Run load = TestCli.run("load", "--tdb2", store.toString(), upper.toString());
        assertEquals(1, load.code(), load::toString);
        assertTrue(load.err().contains(reason), load::toString);
    }

    @Test
    void loadRefusesQuadsWithoutADescriptionOfTheDatasetForTheReasonServeWouldGive() throws IOException {
        Path bare = Files.writeString(tmp.resolve("bare.nq"),
                "<https://example.org/kg/id/org/acme> <http://www.w3.org/2000/01/rdf-schema#label> \"Acme\"@en <https://example.org/kg/graph/x> .\n");
        Path store = tmp.resolve("store");
        Run load = TestCli.run("load", "--tdb2", store.toString(), bare.toString());
        assertEquals(1, load.code(), load::toString);
        String reason = "holds no description of the dataset (a void:uriSpace \"{base}id/\"), so its base IRI is unknown and serve cannot "
                + "publish it: load a file aikg convert wrote, or the fact sheets";
        assertTrue(load.err().contains(reason), load::toString);
        assertFalse(load.out().contains("loaded"), load::toString);

        // nothing was committed, and serve, opening that store, gives the same reason
        org.aikg.DataException serve = org.junit.jupiter.api.Assertions.assertThrows(org.aikg.DataException.class, () -> Tdb2Store.open(store));
        assertTrue(serve.getMessage().contains(reason), serve::getMessage);
        DatasetGraph left = org.apache.jena.tdb2.DatabaseMgr.connectDatasetGraph(store.toString());
        assertTrue(org.apache.jena.system.Txn.calculateRead(left, left::isEmpty), "the refused quads were committed");
    }

    @Test
    void quadsWithoutADescriptionGoIntoAStoreThatAlreadyHoldsOne() throws IOException {
        Path out = tmp.resolve("out.nq");
        assertEquals(0, TestCli.run("convert", minimalData().toString(), "-o", out.toString()).code());
        Path store = tmp.resolve("store");
        assertEquals(0, TestCli.run("load", "--tdb2", store.toString(), out.toString()).code());
        Path bare = Files.writeString(tmp.resolve("bare.nq"),
                "<https://example.org/kg/id/org/acme> <http://www.w3.org/2000/01/rdf-schema#comment> \"A maker of widgets\"@en <https://example.org/kg/graph/notes> .\n");
        Run load = TestCli.run("load", "--tdb2", store.toString(), bare.toString());
        assertEquals(0, load.code(), load::toString);
        assertEquals("https://example.org/kg/", Tdb2Store.open(store).description().base());
    }

    /**
     * A literal RDF/XML and HTML cannot carry (it made the pages, the RDF/XML answers and the .rdf
     * download answer 500): validate reports it among the shapes' violations; every command that
     * would publish or write it refuses the file with one reason.
     */
    @Test
    void aLiteralWithAControlCharacterIsReportedByValidateAndRefusedAlikeByEveryOtherCommand() throws IOException {
        Path out = tmp.resolve("out.nq");
        assertEquals(0, TestCli.run("convert", minimalData().toString(), "-o", out.toString()).code());
        Path bad = tmp.resolve("bad.nq");
        String nq = Files.readString(out);
        assertTrue(nq.contains("\"Ruritania\"@en"));
        Files.writeString(bad, nq.replace("\"Ruritania\"@en", "\"Ruri\\u0001tania\"@en"));

        Run validate = TestCli.run("validate", bad.toString());
        assertEquals(1, validate.code(), validate::toString);
        assertTrue(validate.out().contains("a literal holds a control character"), validate::toString);

        String reason = bad + ": the literal of <https://example.org/kg/id/place/ruritania> <http://schema.org/name> holds the control character "
                + "U+0001 START OF HEADING (character 5 of the value; of the control characters, only tab, line feed and carriage return may "
                + "appear in a text or a name, since RDF/XML and HTML cannot carry the others; aikg validate lists every such literal)";
        for (String[] args : List.of(new String[] {"convert", bad.toString(), "-o", tmp.resolve("again.rdf").toString()},
                new String[] {"query", "statistics", bad.toString()},
                new String[] {"load", "--tdb2", tmp.resolve("store").toString(), bad.toString()})) {
            Run run = TestCli.run(args);
            assertEquals(1, run.code(), run::toString);
            assertEquals("aikg: " + reason + "\n", run.err(), run::toString);
        }
        assertFalse(Files.exists(tmp.resolve("again.rdf")));
        org.aikg.DataException serve = org.junit.jupiter.api.Assertions.assertThrows(org.aikg.DataException.class,
                () -> Datasets.open(Graphs.of(List.of(bad))));
        assertEquals(reason, serve.getMessage());
    }

    /** 100,000 characters named once and read through 100 aliases: a 10 MB graph from a 100 KB sheet. */
    @Test
    void aliasesAreBoundedByWhatTheyExpandToNotOnlyByTheirCount() throws IOException {
        Path data = minimalData();
        Path sheet = data.resolve("sheet.yaml");
        StringBuilder bomb = new StringBuilder("x-notes:\n  - &big \"" + "a".repeat(100_000) + "\"\n");
        for (int i = 0; i < 99; i++) bomb.append("  - *big\n");
        Files.writeString(sheet, Files.readString(sheet) + bomb);
        Path out = tmp.resolve("out.nq");
        Run run = TestCli.run("convert", data.toString(), "-o", out.toString());
        assertEquals(1, run.code(), run::toString);
        // the anchor and 83 aliases come to 8,400,000 characters, past 8 MiB (8,388,608): the 83rd alias, 84 lines below "x-notes:"
        int notes = (int) Files.readString(sheet).lines().takeWhile(l -> !l.startsWith("x-notes:")).count() + 1;
        assertEquals("aikg: " + sheet + ":" + (notes + 1 + 83) + ":5: the aliases up to here make the file say more than 8388608 characters "
                + "once read (*big names 100000; a file may not say through aliases more than the largest file could write out)\n", run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void anAliasOfAScalarWithinTheBoundIsReadAsWhatItNames() throws IOException {
        Path data = minimalData();
        replaceIn(data.resolve("sheet.yaml"), "    name:\n      en: Acme\n", "    name:\n      en: &acme Acme\n");
        replaceIn(data.resolve("sheet.yaml"), "    name:\n      en: Ruritania\n", "    name:\n      en: Ruritania\n      zh: *acme\n");
        Path out = tmp.resolve("out.nq");
        Run run = TestCli.run("convert", data.toString(), "-o", out.toString());
        assertEquals(0, run.code(), run::toString);
        DatasetGraph written = RDFDataMgr.loadDatasetGraph(out.toString());
        assertTrue(written.stream().anyMatch(q -> q.getSubject().isURI() && q.getSubject().getURI().endsWith("/place/ruritania")
                && q.getObject().isLiteral() && q.getObject().getLiteralLexicalForm().equals("Acme")
                && q.getObject().getLiteralLanguage().equalsIgnoreCase("zh-Hans")), "the alias was not read as \"Acme\"");
    }

    /** The longest id convert accepts is served: its thing, its page and its passages' pages (the server's path limit is 512). */
    @Test
    void theLongestIdConvertAcceptsIsServed() throws Exception {
        Path data = minimalData();
        String longest = "a".repeat(200);
        replaceIn(data.resolve("sheet.yaml"), "  id: acme-2024\n", "  id: " + longest + "\n");
        replaceIn(data.resolve("sheet.yaml"), "  - id: widgets-sold-2023\n", "  - id: " + longest + "\n");
        Graphs graphs = Graphs.of(List.of(data));
        AikgServer server = AikgServer.builder(Datasets.open(graphs)).port(0).build().start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            List<String> passages = Datasets.read(Graphs.of(List.of(data))).stream().map(Quad::getSubject).filter(Node::isURI)
                    .map(Node::getURI).filter(i -> i.contains("/id/passage/") && !i.contains("#")).distinct().toList();
            assertEquals(2, passages.size(), passages::toString);
            List<String> paths = Stream.concat(Stream.of("/doc/observation/" + longest + ".jsonld", "/doc/article/" + longest + ".jsonld"),
                    passages.stream().map(p -> p.substring("https://example.org/kg".length()).replace("/id/", "/doc/") + ".jsonld")).toList();
            for (String path : paths) {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).build(),
                        HttpResponse.BodyHandlers.discarding());
                assertEquals(200, r.statusCode(), path);
            }
        } finally {
            server.stop();
        }
    }
}
