package org.aikg.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.aikg.TestCli;
import org.aikg.TestCli.Run;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CliTest {
    @TempDir
    Path tmp;

    @Test
    void convertWritesTurtleThatParsesBackToTheUnionOfTheGraphs() {
        Path out = tmp.resolve("out.ttl");
        Run run = TestCli.run("convert", "data", "-o", out.toString());
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.err().startsWith("converted 1 source, "), run::toString);
        Graph g = RDFDataMgr.loadGraph(out.toString());
        DatasetGraph golden = RDFDataMgr.loadDatasetGraph("src/test/resources/golden/article/expected.trig");
        assertTrue(IsoMatcher.isomorphic(golden.getUnionGraph(), g));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ttl", "nt", "jsonld", "rdf", "trig", "nq"})
    void convertIsByteIdenticalWhenRunAgainAndEveryFormatReadsBackToTheSameGraph(String ext) throws IOException {
        Path a = tmp.resolve("a." + ext);
        Path b = tmp.resolve("b." + ext);
        assertEquals(0, TestCli.run("convert", "data", "-o", a.toString()).code());
        assertEquals(0, TestCli.run("convert", "data", "-o", b.toString()).code());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), ext + " output differs between two runs");

        DatasetGraph golden = RDFDataMgr.loadDatasetGraph("src/test/resources/golden/article/expected.trig");
        DatasetGraph read = RDFDataMgr.loadDatasetGraph(a.toString());
        Graph readUnion = ext.equals("trig") || ext.equals("nq") ? read.getUnionGraph() : read.getDefaultGraph();
        assertTrue(IsoMatcher.isomorphic(golden.getUnionGraph(), readUnion), ext + " does not read back to the converted graph");
        if (ext.equals("trig") || ext.equals("nq")) {
            assertTrue(IsoMatcher.isomorphic(golden, read), ext + " does not keep the graphs apart");
        }
    }

    @Test
    void convertToStandardOutputTakesTheFormatOption() {
        Run run = TestCli.run("convert", "data", "-o", "-", "--format", "nq");
        assertEquals(0, run.code(), run::toString);
        DatasetGraph dsg = org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem();
        RDFParser.source(new ByteArrayInputStream(run.outBytes())).lang(Lang.NQUADS).parse(dsg);
        DatasetGraph golden = RDFDataMgr.loadDatasetGraph("src/test/resources/golden/article/expected.trig");
        assertTrue(IsoMatcher.isomorphic(golden, dsg));
    }

    @Test
    void unknownOutputExtensionIsACommandLineError() {
        Path out = tmp.resolve("out.xyz");
        Run run = TestCli.run("convert", "data", "-o", out.toString());
        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("cannot tell the format of"), run::toString);
        assertFalse(Files.exists(out));
    }

    /** Makes a special file with a system tool (mkfifo, mknod) and returns its path. */
    private Path special(String name, String... command) throws Exception {
        Path p = tmp.resolve(name);
        List<String> cmd = new java.util.ArrayList<>(List.of(command));
        cmd.add(1, p.toString());
        Process proc = new ProcessBuilder(cmd).inheritIO().start();
        assertTrue(proc.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        // a tool missing here skips the test; on CI, where .ci/run runs as root with coreutils, it fails it
        if ("true".equals(System.getenv("CI"))) assertEquals(0, proc.exitValue(), "cannot run " + cmd + " on CI");
        org.junit.jupiter.api.Assumptions.assumeTrue(proc.exitValue() == 0, "cannot run " + cmd + " here");
        return p;
    }

    private static int fileType(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode", java.nio.file.LinkOption.NOFOLLOW_LINKS) & 0170000;
    }

    private void assertOnlyFilesLeft(Path... expected) throws IOException {
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(java.util.Set.of(expected), java.util.Set.copyOf(left.toList()), "files left behind");
        }
    }

    @Test
    void refusesAFifoAsOutputAndLeavesItAFifo() throws Exception {
        Path fifo = special("out.ttl", "mkfifo", "-m", "600");
        Run run = TestCli.run("convert", "data", "-o", fifo.toString());
        assertEquals(2, run.code(), run::toString);
        assertEquals("aikg: the output " + fifo + " is a FIFO (named pipe), not a regular file (convert writes only to a regular file "
                + "or a new path; -o - writes to standard output)\n", run.err());
        assertEquals(0010000, fileType(fifo), "the FIFO was replaced");
        assertOnlyFilesLeft(fifo);
    }

    /** As root (this machine and CI), a fresh node of the null device, in place of /dev/null itself. */
    @Test
    void refusesADeviceFileAsOutputAndLeavesItADevice() throws Exception {
        Path device = special("null", "mknod", "c", "1", "3");
        Run run = TestCli.run("convert", "data", "-o", device.toString(), "--format", "ttl");
        assertEquals(2, run.code(), run::toString);
        assertEquals("aikg: the output " + device + " is a character device, not a regular file (convert writes only to a regular file "
                + "or a new path; -o - writes to standard output)\n", run.err());
        assertEquals(0020000, fileType(device), "the device was replaced");
        assertOnlyFilesLeft(device);
    }

    @Test
    void refusesASymbolicLinkAsOutputAndChangesNeitherItNorItsTarget() throws Exception {
        Path real = tmp.resolve("real.ttl");
        Files.writeString(real, "# not to be touched\n");
        Path link = Files.createSymbolicLink(tmp.resolve("link.ttl"), real);
        Run run = TestCli.run("convert", "data", "-o", link.toString());
        assertEquals(2, run.code(), run::toString);
        assertEquals("aikg: the output " + link + " is a symbolic link (to " + real + "); convert does not follow links: give the file "
                + "itself, or a new path\n", run.err());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("# not to be touched\n", Files.readString(real));
        assertOnlyFilesLeft(real, link);
    }

    @Test
    void refusesAFolderAsOutput() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("out.ttl"));
        Run run = TestCli.run("convert", "data", "-o", dir.toString());
        assertEquals(2, run.code(), run::toString);
        assertEquals("aikg: the output " + dir + " is a folder (expected a regular file or a new path)\n", run.err());
        assertOnlyFilesLeft(dir);
    }

    @Test
    void replacingAnOutputKeepsItsPermissions() throws Exception {
        Path out = tmp.resolve("out.ttl");
        Files.writeString(out, "# the previous output\n");
        Files.setPosixFilePermissions(out, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Run run = TestCli.run("convert", "data", "-o", out.toString());
        assertEquals(0, run.code(), run::toString);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertTrue(Files.readString(out).startsWith("PREFIX "), "the output was not replaced");
    }

    @Test
    void removesTheTemporaryFilesOfAnEarlierKilledRun() throws Exception {
        Path out = tmp.resolve("out.ttl");
        Path older = Files.writeString(tmp.resolve(".out.ttl.18f3a2b4c5d6.part"), "cut off");        // written before process ids were in the name
        Path dead = Files.writeString(tmp.resolve(".out.ttl.2147483647-5e1f.part"), "cut off");     // no such process
        Path other = Files.writeString(tmp.resolve(".other.ttl.2147483647-5e1f.part"), "not ours");
        Run run = TestCli.run("convert", "data", "-o", out.toString());
        assertEquals(0, run.code(), run::toString);
        assertFalse(Files.exists(older));
        assertFalse(Files.exists(dead));
        assertOnlyFilesLeft(out, other, tmp.resolve(".out.ttl.aikg-cache"));  // the cache of converted sheets stays, for the next run
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            9999999999999999999m | --query-timeout 9999999999999999999m is too long (at most 24h)
            25h                  | --query-timeout 25h is too long (at most 24h)
            0s                   | --query-timeout must be more than 0
            ten seconds          | bad duration "ten seconds" for --query-timeout (expected a whole number with ms, s, m or h, such as 10s)
            """)
    void aBadQueryTimeoutIsACommandLineErrorThatSaysWhy(String value, String message) {
        Run run = TestCli.run("serve", "--query-timeout", value);
        assertEquals(2, run.code(), run::toString);
        assertEquals("aikg: " + message + "\n", run.err());
    }

    @Test
    void missingInputFolderIsACommandLineError() {
        Run run = TestCli.run("convert", tmp.resolve("nowhere").toString(), "-o", tmp.resolve("o.ttl").toString());
        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("no such file or folder"), run::toString);
    }

    @Test
    void unknownOptionIsACommandLineError() {
        Run run = TestCli.run("convert", "data", "-o", tmp.resolve("x.ttl").toString(), "--frobnicate");
        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("Unknown option: '--frobnicate'"), run::toString);
    }

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"convert", "validate", "query"})
    void everyCommandExplainsItselfWithHelp(String command) {
        Run run = TestCli.run(command, "--help");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("Usage: aikg " + command), run::toString);
        assertTrue(run.out().contains("Examples:"), run::toString);
    }

    @Test
    void topLevelHelpListsTheCommandsAndTheExitCodes() {
        Run run = TestCli.run("--help");
        assertEquals(0, run.code(), run::toString);
        for (String c : List.of("convert", "validate", "query", "Exit codes: 0 done, 1 the data is bad, 2 the command line is bad")) {
            assertTrue(run.out().contains(c), run::toString);
        }
    }

    @Test
    void versionNamesAikgAndJena() {
        Run run = TestCli.run("--version");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().startsWith("aikg "), run::toString);
        assertTrue(run.out().contains("Apache Jena 5.6.0"), run::toString);
    }

    /** A copy of the minimal golden case (dataset.yaml, sheet.yaml naming text.txt) in the temporary folder. */
    private Path minimalData() throws IOException {
        Path data = Files.createDirectory(tmp.resolve("data"));
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/golden/minimal/data"))) {
            for (Path f : files.toList()) Files.copy(f, data.resolve(f.getFileName()));
        }
        return data;
    }

    @Test
    void refusesATextThatLinksOutOfTheDataFolderAndShowsNothingOfIt() throws Exception {
        Path data = minimalData();
        String secret = "AIKG_PUBLISH_PASSWORD=hunter2\n";
        Path outside = Files.writeString(tmp.resolve("environ"), Files.readString(data.resolve("text.txt")) + secret);
        Files.delete(data.resolve("text.txt"));
        Files.createSymbolicLink(data.resolve("text.txt"), outside);
        Path out = tmp.resolve("out.ttl");
        Run run = TestCli.run("convert", data.toString(), "-o", out.toString());
        assertEquals(1, run.code(), run::toString);
        assertEquals("aikg: " + data.resolve("sheet.yaml") + ":3:9: the text file \"text.txt\" is outside the data folder (a text must be a "
                + "regular file inside the folder of the data, links resolved)\n", run.err());
        assertFalse(run.err().contains("hunter2"), run::toString);
        assertFalse(Files.exists(out));
    }

    @Test
    void refusesASheetThatLinksOutOfTheDataFolder() throws Exception {
        Path data = minimalData();
        Path outside = Files.createDirectory(tmp.resolve("elsewhere"));
        Files.copy(data.resolve("text.txt"), outside.resolve("text.txt"));
        Path sheet = Files.move(data.resolve("sheet.yaml"), outside.resolve("sheet.yaml"));
        Files.createSymbolicLink(data.resolve("sheet.yaml"), sheet);
        Path out = tmp.resolve("out.ttl");
        Run run = TestCli.run("convert", data.toString(), "-o", out.toString());
        assertEquals(1, run.code(), run::toString);
        assertEquals("aikg: " + data.resolve("sheet.yaml") + ": the sheet is a link to " + sheet.toRealPath() + ", outside the data folder "
                + data + " (a sheet must be a file inside the folder, links resolved)\n", run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void refusesATextThatIsAFifoWithoutWaitingForIt() throws Exception {
        Path data = minimalData();
        Files.delete(data.resolve("text.txt"));
        special("data/text.txt", "mkfifo");
        Run run = TestCli.run("validate", data.toString());
        assertEquals(1, run.code(), run::toString);
        assertEquals("aikg: " + data.resolve("sheet.yaml") + ":3:9: the text file \"text.txt\" is not a regular file but a device, FIFO "
                + "or socket (expected a regular file)\n", run.err());
    }

    /** Comments count: the size is checked before the YAML is read (200 MB of comments once passed). */
    @Test
    void refusesASheetOverTheSizeLimitWithItsSizeAndTheLimit() throws Exception {
        Path data = minimalData();
        Path sheet = data.resolve("sheet.yaml");
        byte[] yaml = Files.readAllBytes(sheet);
        StringBuilder b = new StringBuilder();
        while (yaml.length + b.length() < org.aikg.source.Limits.MAX_SHEET_BYTES + 1) b.append("# a comment that pads the sheet\n");
        b.setLength(org.aikg.source.Limits.MAX_SHEET_BYTES + 1 - yaml.length);
        Files.write(sheet, yaml);
        Files.writeString(sheet, b, java.nio.file.StandardOpenOption.APPEND);
        Run run = TestCli.run("validate", data.toString());
        assertEquals(1, run.code(), run::toString);
        assertEquals("aikg: " + sheet + ": the file is 8,388,609 bytes, over the limit of 8,388,608 bytes (8 MiB) for a YAML file\n", run.err());
    }

    /** A valid sheet of 4.5 MB once failed on SnakeYAML's undocumented limit of 3,145,728 code points. */
    @Test
    void convertsAValidSheetOfFourAndAHalfMegabytes() throws Exception {
        Path data = minimalData();
        Path sheet = data.resolve("sheet.yaml");
        String yaml = Files.readString(sheet).replace("    name:\n      en: Acme\n",
                "    name:\n      en: Acme\n    description:\n      en: " + "Acme makes widgets. ".repeat(225_000) + "\n");
        Files.writeString(sheet, yaml);
        assertTrue(Files.size(sheet) > 4_500_000);
        Run run = TestCli.run("convert", data.toString(), "-o", tmp.resolve("out.nt").toString());
        assertEquals(0, run.code(), run::toString);
    }

    @Test
    void keepGoingLeavesOutTheSheetThatContradictsAnEarlierOne() {
        Path dir = Path.of("src/test/resources/bad/two-sheets-two-types").toAbsolutePath();
        Path out = tmp.resolve("out.nq");
        Run run = TestCli.run("convert", dir.toString(), "-o", out.toString(), "--keep-going");
        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().contains("aikg: left out: " + dir.resolve("b.yaml") + ":15:11: the type of entity \"ruritania\" is City here ("
                + dir.resolve("a.yaml") + ":15:11 says Country;"), run::toString);
        DatasetGraph written = RDFDataMgr.loadDatasetGraph(out.toString());
        assertEquals(List.of("https://example.org/kg/graph/acme-2024", "https://example.org/kg/graph/dataset"),
                java.util.stream.StreamSupport.stream(((Iterable<org.apache.jena.graph.Node>) written::listGraphNodes).spliterator(), false)
                        .map(org.apache.jena.graph.Node::getURI).sorted().toList());
    }

    static Stream<String> badCases() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/bad"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    /**
     * Each folder under {@code bad/} is a sheet with one fault; {@code expected.txt} holds the one
     * line the command must print (paths relative to the folder). An existing output stays as it
     * was, and no other file is left behind.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badCases")
    void badInputGetsOneLineWithItsPlaceExitOneAndLeavesNoOutput(String name) throws IOException {
        Path dir = Path.of("src/test/resources/bad", name).toAbsolutePath();
        String expected = Files.readString(dir.resolve("expected.txt"), StandardCharsets.UTF_8).strip();

        Path fresh = tmp.resolve("fresh.ttl");
        Run run = TestCli.run("convert", dir.toString(), "-o", fresh.toString());
        assertEquals(1, run.code(), run::toString);
        assertEquals("aikg: " + expected, run.err().strip().replace(dir + "/", ""), run::toString);
        assertFalse(Files.exists(fresh), "an output was created");

        Path existing = tmp.resolve("existing.nt");
        Files.writeString(existing, "# the previous output\n");
        assertEquals(1, TestCli.run("convert", dir.toString(), "-o", existing.toString()).code());
        assertEquals("# the previous output\n", Files.readString(existing), "the previous output was changed");
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(existing), left.toList(), "files were left behind");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCases")
    void validateRefusesTheSameBadInput(String name) {
        Path dir = Path.of("src/test/resources/bad", name).toAbsolutePath();
        Run run = TestCli.run("validate", dir.toString());
        assertEquals(1, run.code(), run::toString);
        assertEquals("", run.out(), run::toString);
    }
}
