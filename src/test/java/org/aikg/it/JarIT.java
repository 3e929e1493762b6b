package org.aikg.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as a user runs it: a separate JVM, {@code java -jar target/aikg.jar}. */
class JarIT {
    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {}

    static Result aikg(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", "target/aikg.jar"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the jar did not finish");
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    /**
     * The launcher mvn package makes, run as the README's examples run it ({@code aikg ...} with
     * target/ on the PATH), and through a link to it elsewhere: both run the jar beside it.
     */
    @Test
    void theLauncherRunsTheJarBesideItAlsoThroughALink() throws Exception {
        Path launcher = Path.of("target/aikg").toAbsolutePath();
        assertTrue(Files.isExecutable(launcher), "mvn package made no executable target/aikg");
        Path link = Files.createSymbolicLink(Files.createDirectory(tmp.resolve("bin")).resolve("aikg"), launcher);
        for (Path run : List.of(launcher, link)) {
            ProcessBuilder pb = new ProcessBuilder("sh", "-c", "aikg query --list");  // the shell finds aikg on the PATH, as a user's does
            pb.environment().put("PATH", run.getParent() + java.io.File.pathSeparator + Path.of(System.getProperty("java.home"), "bin")
                    + java.io.File.pathSeparator + System.getenv("PATH"));
            Process p = pb.redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher did not finish");
            assertEquals(0, p.exitValue(), out);
            assertTrue(out.contains("liu-gang"), run + ": " + out);
        }
    }

    @Test
    void theJarConvertsTheArticleToTheSameGraphEveryTime() throws Exception {
        Path a = tmp.resolve("a.ttl");
        Path b = tmp.resolve("b.ttl");
        Result r = aikg("convert", "data", "-o", a.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(0, aikg("convert", "data", "-o", b.toString()).code());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        var golden = RDFDataMgr.loadDatasetGraph("src/test/resources/golden/article/expected.trig").getUnionGraph();
        assertTrue(IsoMatcher.isomorphic(golden, RDFDataMgr.loadGraph(a.toString())));
    }

    @Test
    void theJarValidatesTheArticleAndRegistersEveryResultFormat() throws Exception {
        Result v = aikg("validate", "data");
        assertEquals(0, v.code(), v.err());
        for (String format : List.of("json", "csv", "tsv", "table")) {
            Result q = aikg("query", "statistics", "data", "--format", format);
            assertEquals(0, q.code(), format + ": " + q.err());
            assertTrue(q.out().contains("578400000000"), format + ": " + q.out());
        }
    }

    @Test
    void theJarRefusesABadSheetWithItsLineAndWritesNothing() throws Exception {
        Path out = tmp.resolve("out.ttl");
        Path dir = Path.of("src/test/resources/bad/quote-not-in-text").toAbsolutePath();
        Result r = aikg("convert", dir.toString(), "-o", out.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("aikg: " + dir.resolve("sheet.yaml") + ":30:15: the evidence quote"), r.err());
        assertFalse(Files.exists(out));
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    // Stopped by SIGTERM (what a service manager or Ctrl-C in a container sends) while it writes, the
    // jar leaves neither the output nor its temporary file behind.
    @Test
    void theJarStoppedWhileConvertingLeavesNoOutputAndNoTemporaryFile() throws Exception {
        Path corpus = tmp.resolve("corpus");
        org.aikg.corpus.CorpusGenerator.generate(corpus, 2000, 3);
        Path out = tmp.resolve("out.ttl");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", "target/aikg.jar",
                "convert", corpus.toString(), "-o", out.toString()).redirectErrorStream(true).redirectOutput(tmp.resolve("log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (parts(tmp).isEmpty()) {
            assertTrue(p.isAlive(), () -> "the jar ended before it began to write: " + read(tmp.resolve("log")));
            assertTrue(System.nanoTime() < deadline, "no temporary output within 60 s");
            Thread.sleep(5);
        }
        p.destroy();  // SIGTERM
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the jar did not stop on SIGTERM");
        assertEquals(143, p.exitValue(), () -> "not stopped by the signal (it finished first?): " + read(tmp.resolve("log")));
        assertEquals(List.of(), parts(tmp), "a temporary file was left behind");
        assertFalse(Files.exists(out), "an output was left behind");
    }

    private static List<Path> parts(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".part")).toList();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Test
    void theJarServesTheArticleSaysWhereAndStopsCleanly() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", "target/aikg.jar",
                "serve", "--port", "0").redirectErrorStream(true).start();
        try {
            var reader = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String url = null;
            for (String line; url == null && (line = reader.readLine()) != null;) {
                int at = line.indexOf("at http://");
                if (line.startsWith("aikg is serving") && at > 0) url = line.substring(at + 3).trim();
            }
            assertTrue(url != null && url.matches("http://localhost:\\d+/"), "no URL printed: " + url);
            StringBuffer output = new StringBuffer();
            Thread drain = new Thread(() -> {
                try {
                    for (String line; (line = reader.readLine()) != null;) output.append(line).append('\n');
                } catch (IOException ignored) {
                    // the stream ends with the process
                }
            });
            drain.start();
            var client = java.net.http.HttpClient.newHttpClient();
            var home = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, home.statusCode());
            assertTrue(home.body().contains("2024 World Intelligence Expo"));
            var ttl = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "download/aikg.ttl")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            var golden = RDFDataMgr.loadDatasetGraph("src/test/resources/golden/article/expected.trig").getUnionGraph();
            var served = org.apache.jena.sparql.graph.GraphFactory.createGraphMem();
            org.apache.jena.riot.RDFParser.source(new java.io.ByteArrayInputStream(ttl.body())).lang(org.apache.jena.riot.Lang.TURTLE).parse(served);
            assertTrue(IsoMatcher.isomorphic(golden, served), "the Turtle download holds the converted graph");
            Path trig = tmp.resolve("converted.trig");
            assertEquals(0, aikg("convert", "data", "-o", trig.toString()).code());
            var download = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "download/aikg.trig")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertArrayEquals(Files.readAllBytes(trig), download.body(), "the TriG download is byte for byte what convert writes");
            p.toHandle().destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the server did not stop on SIGTERM");
            drain.join(10_000);
            String rest = output.toString();
            assertTrue(rest.contains("stopping"), rest);
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void theJarPrintsItsVersion() throws Exception {
        Result r = aikg("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("aikg 0."), r.out());
    }
}
