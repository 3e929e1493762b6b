package org.aikg.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aikg.TestData;
import org.aikg.input.Description;
import org.aikg.server.AikgServer;
import org.aikg.store.Published;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The live preview's side of the server: pages served with it carry the reload script (and pages served
 * without it do not, nor is there a {@code /live}); {@code /live} tells an open page the generation and
 * the failure as server-sent events; a change is served at once, the whole graph of a source replaced,
 * and a failure is a banner on every page, readable without JavaScript, until the next good change.
 */
class LivePreviewTest {
    private static final String BASE = "https://w3id.org/ai-industry-kg/";
    private static final Node PERSON = NodeFactory.createURI(BASE + "id/person/liu-gang-cingai");
    private static final Node NAME = NodeFactory.createURI("http://schema.org/name");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HttpResponse<String> get(AikgServer server, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutWatchNoPageCarriesTheScriptAndThereIsNoLive() throws Exception {
        AikgServer server = AikgServer.builder(TestData.published()).port(0).build().start();
        try {
            HttpResponse<String> home = get(server, "/");
            assertEquals(200, home.statusCode());
            assertFalse(home.body().contains("live.js"), "a page served without --watch loads no reload script");
            assertEquals(404, get(server, "/live").statusCode());
        } finally {
            server.stop();
        }
    }

    @Test
    @Timeout(60)
    void aChangeIsServedAtOnceAndToldToOpenPagesAndAFailureIsABannerOnEveryPage() throws Exception {
        Published published = TestData.published();
        AikgServer server = AikgServer.builder(published).port(0).live(true).build().start();
        try (InputStream events = http.send(HttpRequest.newBuilder(URI.create(server.url() + "live")).build(),
                HttpResponse.BodyHandlers.ofInputStream()).body()) {
            BufferedReader stream = new BufferedReader(new InputStreamReader(events, StandardCharsets.UTF_8));
            JsonObject first = nextState(stream);
            assertEquals(0, first.get("generation").getAsNumber().value().intValue());
            assertTrue(first.get("failure").isNull());

            String page = get(server, "/doc/person/liu-gang-cingai").body();
            assertTrue(page.contains("<script src=\"/static/live.js\" data-generation=\"0\""), "the page names its generation for the script");
            assertEquals(200, get(server, "/static/live.js").statusCode());

            // the source's graph, whole, with the person's English name changed
            Node graph = Txn.calculateRead(published.dsg(), () -> published.dsg().find(Node.ANY, PERSON, NAME, Node.ANY).next().getGraph());
            List<Triple> triples = Txn.calculateRead(published.dsg(), () -> published.dsg().getGraph(graph).find().toList());
            List<Triple> edited = triples.stream().map(t -> t.getSubject().equals(PERSON) && t.getPredicate().equals(NAME)
                    && t.getObject().getLiteralLanguage().equals("en") ? Triple.create(PERSON, NAME, NodeFactory.createLiteralLang("Liu Gang, edited", "en")) : t)
                    .toList();
            server.change(Map.of(graph, edited), Set.of(), TestData.graphs().description());

            JsonObject second = nextState(stream);
            assertEquals(1, second.get("generation").getAsNumber().value().intValue());
            String after = get(server, "/doc/person/liu-gang-cingai").body();
            assertTrue(after.contains("Liu Gang, edited") && after.contains("data-generation=\"1\""), "the page is of the new data");
            assertEquals(Set.copyOf(edited), Set.copyOf(Txn.calculateRead(published.dsg(), () -> published.dsg().getGraph(graph).find()
                    .toList())), "the source's graph is the one given, whole");

            server.failed("data/sources/x.yaml:3:7: unknown unit \"<yuans>\"");
            JsonObject third = nextState(stream);
            assertEquals(1, third.get("generation").getAsNumber().value().intValue(), "a failure changes no data");
            assertEquals("data/sources/x.yaml:3:7: unknown unit \"<yuans>\"", third.get("failure").getAsString().value());
            for (String path : List.of("/", "/sparql?lang=zh", "/doc/person/liu-gang-cingai", "/no/such/page")) {
                String body = get(server, path).body();
                // in an element's text, < and > escaped (a quote needs none there)
                assertTrue(body.contains("<pre>data/sources/x.yaml:3:7: unknown unit \"&lt;yuans&gt;\"</pre>"), path + ": the banner, escaped");
                assertTrue(body.contains("Liu Gang, edited") || !path.startsWith("/doc"), "the last good data stays served");
            }

            server.change(Map.of(), Set.of(), TestData.graphs().description());  // saved again as it was: nothing changed, the failure gone
            JsonObject fourth = nextState(stream);
            assertEquals(1, fourth.get("generation").getAsNumber().value().intValue());
            assertTrue(fourth.get("failure").isNull());
            assertFalse(get(server, "/").body().contains("id=\"live-failed\""));
        } finally {
            server.stop();
        }
    }

    /**
     * The counts of the dataset's description after a change (carried over from before it, changed by what the change
     * added and removed, not counted again) are those SPARQL counts on the new data: the union's triples, the things
     * under {@code id/}, the instances of a class. The change renames a person, gives it an alternate name, adds a new
     * person, and removes a name another graph also holds (which the union keeps).
     */
    @Test
    void theCountsAfterAChangeAreThoseOfTheNewData() throws Exception {
        Published published = TestData.published();
        AikgServer server = AikgServer.builder(published).port(0).live(true).build().start();
        try {
            assertEquals(200, get(server, "/dataset").statusCode());  // the counts of the first content, made now
            Node graph = Txn.calculateRead(published.dsg(), () -> published.dsg().find(Node.ANY, PERSON, NAME, Node.ANY).next().getGraph());
            List<Triple> triples = Txn.calculateRead(published.dsg(), () -> published.dsg().getGraph(graph).find().toList());
            List<Triple> edited = new ArrayList<>(triples.stream().filter(t -> !(t.getSubject().equals(PERSON) && t.getPredicate().equals(NAME)
                    && t.getObject().getLiteralLanguage().equals("en"))).toList());
            edited.add(Triple.create(PERSON, NAME, NodeFactory.createLiteralLang("Liu Gang, renamed", "en")));
            edited.add(Triple.create(PERSON, NodeFactory.createURI("http://schema.org/alternateName"), NodeFactory.createLiteralLang("LG", "en")));
            Node newcomer = NodeFactory.createURI(BASE + "id/person/newcomer");
            edited.add(Triple.create(newcomer, NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                    NodeFactory.createURI("http://schema.org/Person")));
            edited.add(Triple.create(newcomer, NAME, NodeFactory.createLiteralLang("Newcomer", "en")));
            server.change(Map.of(graph, edited), Set.of(), TestData.graphs().description());

            String voidTtl = http.send(HttpRequest.newBuilder(URI.create(server.url() + ".well-known/void")).header("Accept", "text/turtle").build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Graph description = GraphFactory.createGraphMem();
            RDFParser.fromString(voidTtl, Lang.TURTLE).parse(description);
            Node ds = NodeFactory.createURI(BASE + "dataset");
            long triplesSaid = ((Number) description.find(ds, NodeFactory.createURI("http://rdfs.org/ns/void#triples"), Node.ANY).next().getObject()
                    .getLiteralValue()).longValue();
            long entitiesSaid = ((Number) description.find(ds, NodeFactory.createURI("http://rdfs.org/ns/void#entities"), Node.ANY).next().getObject()
                    .getLiteralValue()).longValue();
            assertEquals(sparqlCount(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"), triplesSaid, "triples");
            assertEquals(sparqlCount(server, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o FILTER(STRSTARTS(STR(?s), \"" + BASE
                    + "id/\") && !CONTAINS(STR(?s), \"#\")) }"), entitiesSaid, "things");
        } finally {
            server.stop();
        }
    }

    private long sparqlCount(AikgServer server, String query) throws IOException, InterruptedException {
        String csv = http.send(HttpRequest.newBuilder(URI.create(server.url() + "sparql?query=" + URLEncoder.encode(query,
                StandardCharsets.UTF_8))).header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString()).body();
        return Long.parseLong(csv.lines().skip(1).findFirst().orElseThrow().strip());
    }

    @Test
    void aChangeOfTheBaseIsRefusedAsAFailure() throws Exception {
        AikgServer server = AikgServer.builder(TestData.published()).port(0).live(true).build().start();
        try {
            Description d = TestData.graphs().description();
            Description other = new Description("https://example.org/other/", d.title(), d.license());
            server.change(Map.of(), Set.of(), other);
            String home = get(server, "/").body();
            assertTrue(home.contains("the base IRI of the dataset changed from &lt;" + BASE + "&gt; to &lt;https://example.org/other/&gt;"), home);
        } finally {
            server.stop();
        }
    }

    /** The next {@code state} event of the stream, its data parsed. */
    private static JsonObject nextState(BufferedReader stream) throws IOException {
        String event = null;
        for (String line; (line = stream.readLine()) != null;) {
            if (line.startsWith("event: ")) event = line.substring(7);
            else if (line.startsWith("data: ") && "state".equals(event)) return JSON.parse(line.substring(6));
        }
        throw new AssertionError("the stream ended");
    }
}
