package org.aikg.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.StreamRDFCounting;
import org.apache.jena.riot.system.StreamRDFLib;

/**
 * download: the whole graph as Turtle, {@code /download/aikg.ttl}, against Fuseki's Graph Store
 * GET of the same graph ({@code /ds/get?default}, the default graph being the union), on the same
 * server: time to the last byte of the body, read by Java's HttpClient.
 */
final class DownloadBench {
    private DownloadBench() {}

    private record Fetch(int status, long bytes, double seconds, String contentType) {}

    static Section run(Ctx ctx) {
        Path store = Stores.store(ctx, ctx.corpus);
        FusekiProcess fuseki = ctx.fuseki();
        String fusekiUrl = fuseki.url("/ds/get?default");
        Section s = new Section("download", "the whole graph as Turtle",
                "`GET /download/aikg.ttl` on `aikg serve --tdb2 STORE`: the first request after a data change (the server started with no "
                        + "downloads kept for this content, so that request writes the file, then sends it) and a later request (the file written)",
                "Fuseki's Graph Store Protocol `GET /ds/get?default` (`Accept: text/turtle`) on the bare Fuseki of the memory benchmark, whose default "
                        + "graph holds the union of the sources' graphs; it serialises the graph on every request",
                "Fuseki time / aikg time (above 1: aikg faster)");
        Section.Row first = s.row("first request after a data change (writing included)", "s", "%.3f");
        Section.Row later = s.row("later requests", "s", "%.3f");
        first.goal = "report only";
        later.goal = "≥ 10×";
        Bench.log("download: one untimed fetch from Fuseki, parsed to count the triples ...");
        Path ff = ctx.tmp("download-fuseki.ttl");
        Fetch wf = fetch(fusekiUrl, ff);
        long tf = countTriples(ff);
        long ta = -1;
        long bytes = -1;
        for (int rep = 0; rep < ctx.reps; rep++) {
            // a data change, as far as the server can tell: nothing kept for this content beside the store
            Bench.deleteTree(store.resolve("aikg/site"));
            try (Stores.Server aikg = Stores.aikg(ctx, store, "4g")) {
                String aikgUrl = aikg.url("/download/aikg.ttl");
                boolean aikgFirst = rep % 2 == 0;
                Fetch a1 = null;
                Fetch a2 = null;
                Fetch f1 = null;
                Fetch f2 = null;
                for (int k = 0; k < 2; k++) {
                    ctx.waitIdle();
                    Bench.waitIdle(aikg.pid(), 120);
                    if ((k == 0) == aikgFirst) {
                        a1 = fetch(aikgUrl, rep == 0 ? ctx.tmp("download-aikg.ttl") : null);
                        Bench.waitIdle(aikg.pid(), 120);
                        a2 = fetch(aikgUrl, null);
                    } else {
                        f1 = fetch(fusekiUrl, null);
                        ctx.waitIdle();
                        f2 = fetch(fusekiUrl, null);
                    }
                }
                if (a1.status() != 200 || a2.status() != 200 || f1.status() != 200 || f2.status() != 200 || a1.bytes() != a2.bytes()) {
                    throw new IllegalStateException("download run " + (rep + 1) + ": aikg " + a1 + " " + a2 + ", Fuseki " + f1 + " " + f2);
                }
                if (rep == 0) {
                    ta = countTriples(ctx.tmp("download-aikg.ttl"));
                    bytes = a1.bytes();
                }
                first.aikg.add(a1.seconds());
                first.base.add(f1.seconds());
                first.ratio.add(f1.seconds() / a1.seconds());
                later.aikg.add(a2.seconds());
                later.base.add(f2.seconds());
                later.ratio.add(f2.seconds() / a2.seconds());
                Bench.log(String.format(Locale.ROOT, "download run %d: aikg first %.3f s, later %.3f s (%,d bytes); Fuseki %.3f s, %.3f s (%,d bytes)", rep + 1,
                        a1.seconds(), a2.seconds(), a1.bytes(), f1.seconds(), f2.seconds(), f1.bytes()));
            }
        }
        s.runs = ctx.reps;
        later.met = later.ratioMedian() >= 10;
        s.note(String.format(Locale.ROOT, "Bodies: aikg %s (%,d triples, sorted, aikg's prefixes), Fuseki %s (%,d triples)%s.", Bench.mib(bytes), ta,
                Bench.mib(wf.bytes()), tf, ta == tf ? ": the same number of triples" : ": DIFFERENT triple counts"));
        s.note("Each run starts aikg afresh with nothing kept beside the store for its content (the folder `STORE/aikg/site/` removed), as after a load "
                + "that changed the data: its first request for the file writes it (sorted, from the store) while the server goes on answering other "
                + "requests, and is answered when it is written; later requests send the file (it is kept beside the store, so a restart does not write it "
                + "again). Fuseki serialises the default graph on every request. Client: java.net.http.HttpClient (HTTP/1.1), body read through a 64 KiB "
                + "buffer and discarded; first and later request of each side in turn, alternating which side goes first.");
        return s;
    }

    private static Fetch fetch(String url, Path saveTo) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10)).header("Accept", "text/turtle").GET().build();
        long t0 = System.nanoTime();
        try {
            HttpResponse<InputStream> r = Bench.HTTP.send(req, HttpResponse.BodyHandlers.ofInputStream());
            long n = 0;
            byte[] buf = new byte[1 << 16];
            try (InputStream in = r.body(); OutputStream out = saveTo == null ? OutputStream.nullOutputStream() : Files.newOutputStream(saveTo)) {
                for (int k; (k = in.read(buf)) > 0;) {
                    n += k;
                    out.write(buf, 0, k);
                }
            }
            double t = Bench.seconds(System.nanoTime() - t0);
            return new Fetch(r.statusCode(), n, t, r.headers().firstValue("Content-Type").orElse("?"));
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long countTriples(Path file) {
        StreamRDFCounting c = StreamRDFLib.count();
        RDFParser.source(file).lang(Lang.TURTLE).parse(c);
        return c.countTriples();
    }
}
