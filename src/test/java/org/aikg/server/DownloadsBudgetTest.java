package org.aikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CountDownLatch;
import org.aikg.TestData;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A download is written on a thread of its own and a request waits for it no longer than its budget:
 * here the writing is held (the dataset's list of graphs waits, on the downloads' thread only, until the
 * test lets it go), so a request for the file is a 503 with Retry-After at the end of its 1 s budget, the
 * pages that list the downloads answer meanwhile and show the file as being written (the home page sets
 * none writing), and once the writing is let go the file is served whole. No clock is read by the test.
 */
class DownloadsBudgetTest {
    static final CountDownLatch release = new CountDownLatch(1);
    static AikgServer server;
    static String url;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The article's dataset, whose list of graphs waits for {@link #release} when the downloads' writer asks for it. */
    static final class Held extends DatasetGraphWrapper implements DatasetGraphWrapperView {
        Held(DatasetGraph dsg) {
            super(dsg);
        }

        @Override
        public Iterator<Node> listGraphNodes() {
            if (Thread.currentThread().getName().equals("aikg-downloads")) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.listGraphNodes();
        }
    }

    @BeforeAll
    static void start() {
        server = AikgServer.builder(TestData.published(new Held(TestData.dataset()))).port(0).queryTimeout(Duration.ofSeconds(1)).build().start();
        url = "http://localhost:" + server.port();
    }

    @AfterAll
    static void stop() {
        release.countDown();
        server.stop();
    }

    static HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url + path)).header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aDownloadBeingWrittenIsA503WithinTheBudgetAndServedWholeOnceWritten() throws Exception {
        HttpResponse<String> home0 = get("/", "text/html");
        assertTrue(home0.body().contains("being written…"), "the home page lists the files as they stand, and sets none writing");
        HttpResponse<String> waiting = get("/download/aikg.ttl", "*/*");
        assertEquals(503, waiting.statusCode(), waiting.body());
        assertTrue(waiting.body().contains("aikg.ttl is being written; try again in a moment"), waiting.body());
        assertEquals("5", waiting.headers().firstValue("Retry-After").orElse(null));

        HttpResponse<String> home = get("/", "text/html");
        assertEquals(200, home.statusCode(), "the home page does not wait for the downloads");
        assertTrue(home.body().contains("being written…"), "a file being written is listed without its size");
        HttpResponse<String> list = get("/download/", "text/plain");
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("/download/aikg.ttl") && list.body().contains("being written"), list.body());

        release.countDown();
        HttpResponse<String> file = get("/download/aikg.ttl", "*/*");
        for (int i = 0; i < 30 && file.statusCode() == 503; i++) file = get("/download/aikg.ttl", "*/*");
        assertEquals(200, file.statusCode(), file.body());
        Graph g = GraphFactory.createGraphMem();
        RDFParser.create().source(new StringReader(file.body())).lang(Lang.TURTLE).parse(g);
        assertEquals(TestData.dataset().getUnionGraph().size(), g.size(), "the whole graph");
        HttpResponse<String> listed = get("/download/", "text/html");
        for (int i = 0; i < 30 && listed.body().contains("being written…"); i++) listed = get("/download/", "text/html");
        assertFalse(listed.body().contains("being written…"), "every file listed with its size once written");
        assertFalse(get("/", "text/html").body().contains("being written…"), "and on the home page");
    }
}
