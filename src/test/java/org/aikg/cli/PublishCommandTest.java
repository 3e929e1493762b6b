package org.aikg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.aikg.TestCli;
import org.aikg.TestCli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code aikg publish} against stores that misbehave, on loopback: one that sends its headers and
 * then trickles the body, one that never answers. Every publish must end, on time, saying what failed.
 */
class PublishCommandTest {
    static final String DATA = "src/test/resources/golden/minimal/data";
    static final String GRAPH = "https://example.org/kg/graph/acme-2024";

    /** Runs the command on another thread; a publish that hangs fails the test instead of hanging it. */
    static Run publishWithin(int seconds, String... args) throws Exception {
        return CompletableFuture.supplyAsync(() -> TestCli.run(args)).get(seconds, TimeUnit.SECONDS);
    }

    @Test
    void aStoreThatTricklesItsAnswerIsCutOffAtTheTimeoutOfEachTry() throws Exception {
        try (MisbehavingStore store = new MisbehavingStore(Mode.TRICKLE)) {
            Run run = publishWithin(60, "publish", "--endpoint", store.url(), "--retries", "2", "--timeout", "1s", DATA);
            assertEquals(3, run.code(), run::toString);
            assertEquals("aikg: try 1 of 2 for " + GRAPH + " failed (no complete answer within 1 s); next try in 500 ms\n"
                    + "aikg: could not publish " + GRAPH + " to " + store.url() + " after 2 tries: no complete answer within 1 s\n", run.err());
            assertEquals(2, store.requests(), "tries");
        }
    }

    @Test
    void aStoreThatNeverAnswersIsGivenUpAtTheMaxTimeWithALinePerFailedTry() throws Exception {
        try (MisbehavingStore store = new MisbehavingStore(Mode.SILENT)) {
            long start = System.nanoTime();
            Run run = publishWithin(60, "publish", "--endpoint", store.url(), "--retries", "100", "--timeout", "1s", "--max-time", "3s", DATA);
            assertEquals(3, run.code(), run::toString);
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "the publish ran far past its --max-time");
            List<String> lines = run.err().lines().toList();
            assertTrue(lines.get(lines.size() - 1).startsWith("aikg: could not publish " + GRAPH + " to " + store.url()
                    + " within --max-time 3 s ("), run::toString);
            for (String line : lines.subList(0, lines.size() - 1)) {
                assertTrue(line.matches("aikg: try \\d of 100 for " + GRAPH.replace(".", "\\.")
                        + " failed \\(no complete answer within (1 s|\\d+ ms)\\); next try in (500 ms|1 s|2 s)"), line);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--endpoint", "--graph-store"})
    void refusesCredentialsInTheStoreUrlWithoutRepeatingThem(String option) {
        String withCredentials = "http://alice:s3cret@127.0.0.1:9/ds";
        Run run = option.equals("--endpoint") ? TestCli.run("publish", "--endpoint", withCredentials, DATA)
                : TestCli.run("publish", "--endpoint", "http://127.0.0.1:9/ds", "--graph-store", withCredentials, DATA);
        assertEquals(2, run.code(), run::toString);
        assertEquals("aikg: the store URL has a user name or password in it (http://127.0.0.1:9/ds): aikg does not send them, and a password "
                + "on the command line is visible to every user of the machine; give them with --credentials FILE, or AIKG_PUBLISH_USER and "
                + "AIKG_PUBLISH_PASSWORD\n", run.err());
        assertFalse(run.err().contains("s3cret") || run.err().contains("alice"), run::toString);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/ds#", "/ds#part", "/ds?graph=x", "/ds?x=1", "/ds?token=s3cret"})
    void refusesAStoreUrlThatWouldMoveWhereAGraphGoesBeforeSendingAnything(String tail) throws Exception {
        try (MisbehavingStore store = new MisbehavingStore(Mode.HANG_UP)) {
            String url = store.url().replace("/ds", tail);
            for (String[] args : List.of(new String[] {"publish", "--endpoint", url, DATA},
                    new String[] {"publish", "--endpoint", store.url(), "--graph-store", url, DATA})) {
                Run run = TestCli.run(args);
                assertEquals(2, run.code(), run::toString);
                assertTrue(run.err().startsWith("aikg: the store URL \"" + store.url() + "\" has a " + (tail.contains("#") ? "fragment" : "query string")),
                        run::toString);
                assertFalse(run.err().contains("s3cret"), "a query string may hold a secret: " + run.err());
            }
            assertEquals(0, store.requests(), "nothing was sent");
        }
    }

    /** A store that answers every request with {@code status}, {@code headers} and {@code body}. */
    static com.sun.net.httpserver.HttpServer answering(int status, Map<String, String> headers, String body) throws IOException {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            headers.forEach(exchange.getResponseHeaders()::add);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void whatAStoreSaysIsPrintedWithItsControlCharactersEscaped() throws Exception {
        com.sun.net.httpserver.HttpServer store = answering(400, Map.of(), "\u001b[2J\u001b[31mbad\u0007 request\u202e");
        try {
            Run run = TestCli.run("publish", "--endpoint", "http://127.0.0.1:" + store.getAddress().getPort() + "/ds", DATA);
            assertEquals(3, run.code(), run::toString);
            assertTrue(run.err().contains("400 \\u001B[2J\\u001B[31mbad\\u0007 request\\u202E"), run::toString);
            assertFalse(run.err().chars().anyMatch(c -> c == 0x1b || c == 0x07 || c == 0x202e), "no control character reaches the terminal: " + run.err());
        } finally {
            store.stop(0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {301, 302, 307, 308})
    void aRedirectSaysWhereTo(int status) throws Exception {
        com.sun.net.httpserver.HttpServer store = answering(status, Map.of("Location", "http://elsewhere.example/ds?graph=x"), "");
        try {
            Run run = TestCli.run("publish", "--endpoint", "http://127.0.0.1:" + store.getAddress().getPort() + "/ds", DATA);
            assertEquals(3, run.code(), run::toString);
            assertTrue(run.err().contains("(" + status + ") to http://elsewhere.example/ds?graph=x: aikg does not follow redirects when it writes"),
                    run::toString);
        } finally {
            store.stop(0);
        }
    }

    @Test
    void credentialsMustBeASmallRegularFile() throws Exception {
        Path big = Files.createTempFile("aikg-credentials", ".txt");
        try {
            Files.write(big, new byte[70 * 1024]);
            Run run = TestCli.run("publish", "--endpoint", "http://127.0.0.1:9/ds", "--credentials", big.toString(), DATA);
            assertEquals(2, run.code(), run::toString);
            assertTrue(run.err().contains("is larger than 65536 bytes"), run::toString);
            for (String special : List.of("/dev/zero", "/dev/null")) {
                Run dev = TestCli.run("publish", "--endpoint", "http://127.0.0.1:9/ds", "--credentials", special, DATA);
                assertEquals(2, dev.code(), dev::toString);
                assertEquals("aikg: the credentials file " + special + " is not a regular file\n", dev.err());
            }
            Path fifo = big.resolveSibling("aikg-credentials-" + System.nanoTime() + ".fifo");
            Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
            assertTrue(mkfifo.waitFor(30, TimeUnit.SECONDS));
            if (mkfifo.exitValue() == 0) {
                try {
                    Run f = TestCli.run("publish", "--endpoint", "http://127.0.0.1:9/ds", "--credentials", fifo.toString(), DATA);
                    assertEquals(2, f.code(), f::toString);
                    assertEquals("aikg: the credentials file " + fifo + " is not a regular file\n", f.err());
                } finally {
                    Files.deleteIfExists(fifo);
                }
            } else {
                assertFalse("true".equals(System.getenv("CI")), "mkfifo must run on CI");
            }
        } finally {
            Files.deleteIfExists(big);
        }
    }

    @Test
    void helpStatesTheTimeBounds() {
        Run run = TestCli.run("publish", "--help");
        assertEquals(0, run.code(), run::toString);
        String help = run.out().replaceAll("\\s+", " ");
        for (String s : List.of("--timeout=DURATION Time for one try, from connecting to the last byte of the answer (default: 60s",
                "--max-time=DURATION Time for the whole publish, conversion and pauses included (default: 30m",
                "no publish runs longer than 30 minutes")) {
            assertTrue(help.contains(s), () -> s + " not in\n" + run.out());
        }
    }

    @Test
    void helpNamesTheStateFolderAndItsDefault() {
        Run run = TestCli.run("publish", "--help");
        String help = run.out().replaceAll("\\s+", " ");
        for (String s : List.of("--state=DIR Where to keep what was last sent to each store, one file a store (default: .aikg-publish in the current folder)",
                "--dry-run", "--full", "--force")) {
            assertTrue(help.contains(s), () -> s + " not in\n" + run.out());
        }
    }

    // A store that hangs up without answering is what a client meets when it sends on a kept-alive
    // connection the store has closed (Virtuoso does): the PUT is sent once more at once, on a new
    // connection, and only then is the try counted as failed.
    @Test
    void aStoreThatHangsUpWithoutAnsweringGetsEachTrySentTwice() throws Exception {
        try (MisbehavingStore store = new MisbehavingStore(Mode.HANG_UP)) {
            Run run = publishWithin(60, "publish", "--endpoint", store.url(), "--retries", "2", "--timeout", "5s", DATA);
            assertEquals(3, run.code(), run::toString);
            String failed = "connection failed: the store closed the connection without answering";
            assertEquals("aikg: try 1 of 2 for " + GRAPH + " failed (" + failed + "); next try in 500 ms\n"
                    + "aikg: could not publish " + GRAPH + " to " + store.url() + " after 2 tries: " + failed + "\n", run.err());
            assertEquals(4, store.requests(), "requests");
        }
    }

    enum Mode {
        /** Sends its headers, then a byte every 100 ms of a body it says is a megabyte long. */
        TRICKLE,
        /** Says nothing. */
        SILENT,
        /** Closes the connection. */
        HANG_UP
    }

    /**
     * A Graph Store that reads each request and then misbehaves as its {@link Mode} says. Bounded: no
     * connection is kept longer than a minute, and closing the store closes them all.
     */
    static final class MisbehavingStore implements AutoCloseable {
        private final ServerSocket server;
        private final boolean trickle;
        private final boolean hangUp;
        private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());

        MisbehavingStore(Mode mode) throws IOException {
            this.trickle = mode == Mode.TRICKLE;
            this.hangUp = mode == Mode.HANG_UP;
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        sockets.add(s);
                        Thread t = new Thread(() -> serve(s), "misbehaving-store");
                        t.setDaemon(true);
                        t.start();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "misbehaving-store-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort() + "/ds";
        }

        int requests() {
            return sockets.size();
        }

        private void serve(Socket s) {
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            try (s) {
                s.setSoTimeout(60_000);
                readRequest(s.getInputStream());
                if (hangUp) return;
                OutputStream out = s.getOutputStream();
                if (trickle) {
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                while (System.nanoTime() < end && !s.isClosed()) {
                    if (trickle) {
                        out.write('.');
                        out.flush();
                    }
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException gone) {
                // the client gave up or the store was closed
            }
        }

        private static void readRequest(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) return;
                head.write(b);
            }
            for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) in.readNBytes(Integer.parseInt(line.substring(15).strip()));
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            synchronized (sockets) {
                for (Socket s : sockets) s.close();
            }
        }
    }
}
