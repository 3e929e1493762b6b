package org.aikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.aikg.store.Datasets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Many clients that send a request body one byte at a time (a "slow POST") hold no thread: the pages
 * and the endpoint are answered while every slow body is still held open (none has had its answer), and
 * each slow body is then cut off at the deadline with 408. No wall-clock bound is asserted: the order is.
 * Loopback only.
 */
class SlowBodiesTest {
    static final int SLOW_CLIENTS = 400;
    static AikgServer server;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        server = AikgServer.builder(Datasets.open(org.aikg.input.Graphs.of(List.of(Path.of("data"))))).port(0).bodyDeadline(Duration.ofSeconds(10)).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static final List<String> PAGES = List.of("/", "/doc/event/world-intelligence-expo-2024", "/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D");

    static void getEachPage() throws Exception {
        for (String path : PAGES) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                    .timeout(Duration.ofSeconds(60)).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), path);
        }
    }

    @Test
    void pagesAnswerAtOnceWhileHundredsOfSlowBodiesAreOpenAndEachSlowBodyGets408() throws Exception {
        // once before: what a first request makes of the whole graph (the home page's counts) is made, so that the pages
        // asked while the slow bodies are open are answered in far less than the body deadline even on a loaded machine
        getEachPage();
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket s = new Socket("localhost", server.port());
                s.setSoTimeout(15_000);
                OutputStream out = s.getOutputStream();
                out.write(("POST /sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/sparql-query\r\nContent-Length: 60000\r\n\r\nA")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                slow.add(s);
            }
            getEachPage();
            // the pages were answered while every slow body was still held open: none has had its answer yet
            for (Socket s : slow) {
                assertEquals(0, s.getInputStream().available(), "a slow body was answered before the pages were: " + SLOW_CLIENTS + " held a thread each");
            }
            for (Socket s : slow) {
                s.setSoTimeout(30_000);
                String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                assertTrue(answer.startsWith("HTTP/1.1 408"), "a body that does not arrive in time gets 408, and the connection closes: " + answer);
            }
        } finally {
            for (Socket s : slow) s.close();
        }
    }
}
