package org.aikg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.aikg.TestCli;
import org.aikg.TestCli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a person typing the commands meets: suggestions for a slip, -v anywhere, refusals before any work, nothing left behind. */
class CommandLineUseTest {
    @TempDir
    Path tmp;

    @Test
    void aMistypedCommandGetsTheCommandItResembles() {
        Run run = TestCli.run("serv");
        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("aikg: did you mean serve?\n"), run::toString);
    }

    @Test
    void aMistypedOptionGetsTheOptionItResembles() {
        Run run = TestCli.run("convert", "data", "-o", tmp.resolve("out.ttl").toString(), "--keep-goin");
        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("aikg: did you mean --keep-going?\n"), run::toString);
    }

    @Test
    void verboseShowsTheStackTraceWhereverItStandsOnTheLine() {
        for (List<String> line : List.of(List.of("-v", "query", "no-such-query"), List.of("query", "no-such-query", "-v"),
                List.of("query", "--verbose", "no-such-query"))) {
            Run run = TestCli.run(line.toArray(String[]::new));
            assertEquals(2, run.code(), run::toString);
            assertTrue(run.err().contains("\tat org.aikg.query.NamedQueries"), line + ": " + run);
        }
        Run quiet = TestCli.run("query", "no-such-query");
        assertFalse(quiet.err().contains("\tat "), quiet::toString);
    }

    /** The port is checked before the data is read: the message comes before any "loading". */
    @Test
    @Timeout(60)
    void aPortInUseIsRefusedBeforeTheDataIsRead() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            Run run = TestCli.run("serve", "--port", String.valueOf(port), "data");
            assertEquals(3, run.code(), run::toString);
            assertTrue(run.err().startsWith("aikg: cannot start the server on port " + port + ": "), run::toString);
            assertTrue(run.err().contains("(is another server using it? give another with --port, or --port 0 for a free one)"), run::toString);
            assertFalse(run.err().contains("loading"), run::toString);
        }
    }

    @Test
    void serveOnAFolderThatHoldsNoStoreLeavesItAsItWas() throws IOException {
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        Run run = TestCli.run("serve", "--tdb2", empty.toString(), "--port", "0");
        assertEquals(2, run.code(), run::toString);
        assertEquals("aikg: no TDB2 store at " + empty + " (the folder holds no Data-NNNN folder of TDB2; load one first: aikg load --tdb2 "
                + empty + " data)", run.err().lines().filter(l -> l.startsWith("aikg:")).findFirst().orElse(""));
        try (Stream<Path> left = Files.list(empty)) {
            assertEquals(List.of(), left.toList(), "serve wrote into the folder");
        }
    }
}
