package org.aikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.aikg.TestData;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;

/**
 * The first reader after a start is answered from what the server made while it started, and that work
 * never takes the cores from a client's request: the home page in each language is rendered and kept
 * with no request at all, and none of it is done while a request is being answered. What it saves is
 * measured in BENCHMARKS.md (the startup rows), not here: no clock is asserted, only the order.
 */
class FirstReaderTest {
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theHomePageInEachLanguageIsKeptBeforeAnyoneAsksForIt() throws Exception {
        AikgServer server = AikgServer.builder(TestData.published(TestData.dataset())).port(0).build().start();
        try {
            server.prepared().get(60, TimeUnit.SECONDS);
            assertTrue(server.homeKept("en"), "the English home page, kept");
            assertTrue(server.homeKept("zh"), "the Chinese home page, kept");
            HttpResponse<String> zh = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/"))
                    .header("Accept-Language", "zh-CN").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, zh.statusCode());
            assertTrue(zh.body().contains("<html lang=\"zh-Hans\">"), "the kept page is the Chinese one");
        } finally {
            server.stop();
        }
    }

    @Test
    void nothingOfItIsDoneWhileARequestIsBeingAnswered() throws Exception {
        // beside the article, a star whose 100,000 edges make an answer of some 14 MB: far more than the socket's buffers
        DatasetGraph dsg = TestData.dataset();
        Node star = NodeFactory.createURI("urn:test:star");
        Node p = NodeFactory.createURI("urn:p");
        String pad = "x".repeat(100);
        for (int i = 0; i < 100_000; i++) dsg.add(Quad.create(star, NodeFactory.createURI("urn:hub"), p, NodeFactory.createURI("urn:n" + i + pad)));
        AikgServer server = AikgServer.builder(TestData.published(dsg)).port(0).build().start();
        String query = URLEncoder.encode("SELECT ?s ?o WHERE { GRAPH ?g { ?s <urn:p> ?o } }", StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            // a client that does not read its answer yet: the endpoint is still writing it, so the request is being answered
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("localhost", server.port()));
            OutputStream out = socket.getOutputStream();
            out.write(("GET /sparql?query=" + query + " HTTP/1.0\r\nHost: localhost\r\nAccept: text/csv\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // held for longer than the server's first wait (AikgServer.QUIET_FIRST) and well within how long it waits at most
            Thread.sleep(3 * AikgServer.QUIET_FIRST.toMillis());
            assertFalse(server.prepared().isDone(), "the server's own work waited for the request being answered");
            assertFalse(server.homeKept("en"), "no page was made while a request was being answered");
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals("HTTP/1.1 200 OK", answer.lines().findFirst().orElse(""));
            assertEquals(100_000, answer.lines().filter(l -> l.startsWith("urn:hub,")).count(), "every row, read in the end");
            server.prepared().get(60, TimeUnit.SECONDS);
            assertTrue(server.homeKept("en"), "made once the request was answered");
        } finally {
            server.stop();
        }
    }
}
