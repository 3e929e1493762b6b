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
