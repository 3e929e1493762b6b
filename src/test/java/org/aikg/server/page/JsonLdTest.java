package org.aikg.server.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.aikg.server.AikgServer;
import org.aikg.server.site.Site;
import org.aikg.store.Published;
import org.aikg.vocab.Vocab;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.datatypes.BaseDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.TextDirection;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The embedded JSON-LD is written by aikg from the triples (not by RIOT's JSON-LD writer): read back
 * with RIOT's JSON-LD reader it is the same graph — every kind of node and literal, and the whole
 * description of real things on their pages.
 */
class JsonLdTest {
    static final String EX = "http://example.org/";
    static Published published;
    static AikgServer server;

    @BeforeAll
    static void start() {
        published = org.aikg.TestData.published();
        server = AikgServer.builder(published).port(0).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** The JSON-LD embedded in the HTML page at {@code path}. */
    static Graph embedded(String path) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).header("Accept", "text/html")
                .timeout(Duration.ofSeconds(30)).build();
        String html = HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        String open = "<script type=\"application/ld+json\">";
        int start = html.indexOf(open);
        assertTrue(start > 0, "no JSON-LD in " + path);
        return read(html.substring(start + open.length(), html.indexOf("</script>", start)));
    }

    static Node iri(String local) {
        return NodeFactory.createURI(EX + local);
    }

    static Graph read(String json) {
        Graph g = GraphFactory.createGraphMem();
        RDFParser.source(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))).lang(Lang.JSONLD).parse(g);
        return g;
    }

    /** Every kind of term the data can hold, and texts that JSON and HTML must escape. */
    static Graph everyKindOfTerm() {
        Graph g = GraphFactory.createGraphMem();
        Node s = iri("thing");
        Node b1 = NodeFactory.createBlankNode("one");
        Node b2 = NodeFactory.createBlankNode("two");
        Node p = iri("p");
        g.add(Triple.create(s, Vocab.RDF_type, iri("Class")));
        g.add(Triple.create(s, Vocab.RDF_type, iri("Other")));
        g.add(Triple.create(s, Vocab.RDF_type, b2));
        g.add(Triple.create(s, Vocab.RDF_type, NodeFactory.createLiteralString("a literal type")));
        g.add(Triple.create(s, p, NodeFactory.createLiteralString("plain")));
        g.add(Triple.create(s, p, NodeFactory.createLiteralLang("中文 with 😀", "zh-Hans")));
        g.add(Triple.create(s, p, NodeFactory.createLiteralLang("English", "en")));
        g.add(Triple.create(s, p, NodeFactory.createLiteralDT("578.4", XSDDatatype.XSDdecimal)));
        g.add(Triple.create(s, p, NodeFactory.createLiteralDT("007", XSDDatatype.XSDinteger)));
        g.add(Triple.create(s, p, NodeFactory.createLiteralDT("2024-06", XSDDatatype.XSDgYearMonth)));
        g.add(Triple.create(s, p, NodeFactory.createLiteralDT("x", new BaseDatatype(EX + "datatype"))));
        g.add(Triple.create(s, iri("escapes"), NodeFactory.createLiteralString("</script><script>alert(\"&amp;\")</script> \\ \n\t\u0001 ' /")));
        g.add(Triple.create(s, iri("link"), iri("other?a=1&b=2")));
        g.add(Triple.create(s, iri("link"), b1));
        g.add(Triple.create(b1, p, b2));
        g.add(Triple.create(b2, p, NodeFactory.createLiteralString("")));
        g.add(Triple.create(b2, Vocab.RDF_type, iri("Class")));
        g.add(Triple.create(iri("other?a=1&b=2"), p, s));
        return g;
    }

    @Test
    void readsBackAsTheGraphItWasWrittenFrom() {
        Graph g = everyKindOfTerm();
        Graph back = read(JsonLd.write(g));
        assertTrue(back.isIsomorphicWith(g), () -> "written:\n" + JsonLd.write(g) + "\nread back:\n" + RDFWriter.source(back).format(RDFFormat.NTRIPLES).asString());
    }

    /** RIOT's JSON-LD reader keeps no text direction, so this one is checked in the JSON. */
    @Test
    void aTextDirectionIsWrittenAsItsJsonLdDirection() {
        Graph g = GraphFactory.createGraphMem();
        g.add(Triple.create(iri("thing"), iri("p"), NodeFactory.createLiteralDirLang("עברית", "he", TextDirection.RTL)));
        JsonObject value = JSON.parseAny(JsonLd.write(g)).getAsArray().get(0).getAsObject().get(EX + "p").getAsArray().get(0).getAsObject();
        assertEquals("עברית", value.getString("@value"));
        assertEquals("he", value.getString("@language"));
        assertEquals("rtl", value.getString("@direction"));
    }

    @Test
    void anEmptyGraphIsAnEmptyArray() {
        assertTrue(read(JsonLd.write(GraphFactory.createGraphMem())).isEmpty());
    }

    @Test
    void nothingInItCanEndTheScriptElement() {
        String json = JsonLd.write(everyKindOfTerm());
        assertFalse(json.contains("<") || json.contains(">") || json.contains("&"), json);
    }

    // Replicas must give the same bytes: the text may not depend on the order a graph hands its triples
    // out in. A graph that hands them out in a given order, shuffled with several seeds.
    @Test
    void theSameGraphIsTheSameTextWhateverOrderItsTriplesComeIn() {
        List<Triple> triples = everyKindOfTerm().find().toList();
        String first = JsonLd.write(inOrder(triples));
        for (long seed = 1; seed <= 5; seed++) {
            List<Triple> shuffled = new java.util.ArrayList<>(triples);
            Collections.shuffle(shuffled, new java.util.Random(seed));
            assertEquals(first, JsonLd.write(inOrder(shuffled)), "seed " + seed);
        }
    }

    /** A graph whose finds give its triples in the order of {@code triples}. */
    private static Graph inOrder(List<Triple> triples) {
        return new org.apache.jena.graph.impl.GraphBase() {
            @Override
            protected org.apache.jena.util.iterator.ExtendedIterator<Triple> graphBaseFind(Triple match) {
                return org.apache.jena.util.iterator.WrappedIterator.create(triples.stream().filter(match::matches).iterator());
            }
        };
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"observation/cn-ai-core-industry-scale-2023", "article/taptechnews-2024-06-20-world-intelligence-expo",
            "event/world-intelligence-expo-2024", "place/china", "passage/taptechnews-2024-06-20-world-intelligence-expo-1081-1215"})
    void aPageEmbedsEveryTripleOfItsThingsSchemaOrgView(String path) throws Exception {
        Site site = new Site(published);
        Node thing = NodeFactory.createURI(site.base + "id/" + path);
        Graph expected = Txn.calculateRead(site.dsg, () -> {
            Reads reads = new Reads(site.data);
            return new JsonLd(site).thingGraph(reads, reads, thing);
        });
        assertTrue(expected.size() > 3, "a description to compare");
        Graph embedded = embedded("/doc/" + path);
        assertTrue(embedded.isIsomorphicWith(expected), () -> path + ": embedded\n" + RDFWriter.source(embedded).format(RDFFormat.TURTLE_PRETTY).asString() + "\nexpected\n"
                + RDFWriter.source(expected).format(RDFFormat.TURTLE_PRETTY).asString());
    }
    // An oracle apart from the code that chooses the triples: what the article says, checked by hand
    // against the sheet (data/sources/taptechnews-…yaml) — the 2023 core industry of 578.4 billion yuan,
    // its year, the passage it was derived from with that sentence, and China's English name.
    @Test
    void theCoreIndustryPageEmbedsWhatTheArticleSays() throws Exception {
        String base = new Site(published).base;
        Node obs = NodeFactory.createURI(base + "id/observation/cn-ai-core-industry-scale-2023");
        Graph g = embedded("/doc/observation/cn-ai-core-industry-scale-2023");
        Node value = NodeFactory.createLiteralDT("578400000000", XSDDatatype.XSDdecimal);
        assertTrue(g.find(obs, Vocab.SCHEMA_value, Node.ANY).toList().stream().anyMatch(t -> t.getObject().sameValueAs(value)), "the value 578.4 billion");
        assertTrue(g.contains(obs, Vocab.SCHEMA_observationDate, NodeFactory.createLiteralDT("2023", XSDDatatype.XSDgYear)), "the year 2023");
        Node passage = NodeFactory.createURI(base + "id/passage/taptechnews-2024-06-20-world-intelligence-expo-1081-1215");
        assertTrue(g.contains(obs, Vocab.PROV_wasDerivedFrom, passage), "derived from the passage");
        String sentence = "In 2023, the core industrial scale of artificial intelligence in China reached 578.4 billion Chinese yuan with a growth rate of 13.9%.";
        Node quote = NodeFactory.createURI(passage.getURI() + "#quote");
        assertTrue(g.contains(passage, Node.ANY, quote), "the passage's quote");
        assertTrue(g.find(quote, Node.ANY, Node.ANY).toList().stream().anyMatch(t -> t.getObject().isLiteral()
                && t.getObject().getLiteralLexicalForm().equals(sentence)), "the passage's sentence");
        assertTrue(g.contains(NodeFactory.createURI(base + "id/place/china"), Vocab.SCHEMA_name, NodeFactory.createLiteralLang("China", "en")), "China's name");
    }
}
