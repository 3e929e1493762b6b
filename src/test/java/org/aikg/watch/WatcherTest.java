package org.aikg.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.aikg.TestData;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Edits saved to the data are told as what changed: the edited source's graph, a failure with its place, then the fix. */
class WatcherTest {
    @TempDir
    Path tmp;

    private Path minimalData() throws IOException {
        return TestData.minimalDataIn(tmp);
    }

    /** The next event, waiting for it without a bound on how soon it comes (the test's own timeout stops a hang). */
    private static Watcher.Event next(BlockingQueue<Watcher.Event> events) throws InterruptedException {
        Watcher.Event e = events.poll(60, TimeUnit.SECONDS);
        assertNotNull(e, "no event after the edit");
        return e;
    }

    @Test
    @Timeout(120)
    void anEditIsToldAsTheGraphOfItsSourceABreakAsItsPlaceAndTheFixAsTheChangeSinceTheLastGoodData() throws Exception {
        Path data = minimalData();
        Path sheet = data.resolve("sheet.yaml");
        String good = Files.readString(sheet, StandardCharsets.UTF_8);
        BlockingQueue<Watcher.Event> events = new LinkedBlockingQueue<>();
        try (Watcher w = Watcher.start(List.of(data), tmp.resolve("cache"), Duration.ofMillis(200), events::add)) {
            Files.writeString(sheet, good.replace("      en: Acme\n", "      en: Acme Widgets\n"), StandardCharsets.UTF_8);
            Watcher.Changed c = assertInstanceOf(Watcher.Changed.class, next(events));
            var source = NodeFactory.createURI("https://example.org/kg/graph/acme-2024");
            assertTrue(c.graphs().containsKey(source), c.graphs().keySet()::toString);
            assertTrue(c.graphs().get(source).contains(Triple.create(NodeFactory.createURI("https://example.org/kg/id/org/acme"),
                    NodeFactory.createURI("http://schema.org/name"), NodeFactory.createLiteralLang("Acme Widgets", "en"))));
            assertEquals(List.of(), List.copyOf(c.removed()));

            Files.writeString(sheet, good.replace("    unit: NUM\n", "    unit: yuans\n"), StandardCharsets.UTF_8);
            Watcher.Failed f = assertInstanceOf(Watcher.Failed.class, next(events));
            int line = (int) good.lines().takeWhile(l -> !l.equals("    unit: NUM")).count() + 1;
            assertEquals(sheet + ":" + line + ":11: unknown unit \"yuans\" (expected one of CNY, USD, PERCENT, NUM)", f.message());

            // back to the first text: changed since the last good data (Acme Widgets), so told again
            Files.writeString(sheet, good, StandardCharsets.UTF_8);
            Watcher.Changed back = assertInstanceOf(Watcher.Changed.class, next(events));
            assertTrue(back.graphs().get(source).contains(Triple.create(NodeFactory.createURI("https://example.org/kg/id/org/acme"),
                    NodeFactory.createURI("http://schema.org/name"), NodeFactory.createLiteralLang("Acme", "en"))));
        }
    }
}
