package org.aikg.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aikg.TestCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphsTest {
    @TempDir
    Path tmp;

    @Test
    void aFileReadThroughACopyIsNotReadAgainForItsDescription() throws IOException {
        Path nq = tmp.resolve("dump.nq");
        assertEquals(0, TestCli.run("convert", "data", "-o", nq.toString()).code());
        Graphs file = Graphs.of(List.of(nq));
        long[] quads = {0};
        file.keepGoing(true).cache(tmp.resolve("cache")).forEachGraph(part -> quads[0] += part.size());
        assertEquals(312, quads[0], "the quads of data/");
        Files.delete(nq);  // a second reading would fail: no such file
        assertEquals(Graphs.of(List.of(Path.of("data"))).description(), file.description());
    }
}
