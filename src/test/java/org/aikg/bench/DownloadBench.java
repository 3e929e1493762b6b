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
        AikgProcess server = ctx.server();
        FusekiProcess fuseki = ctx.fuseki();
        String aikgUrl = server.url("/download/aikg.ttl");
        String fusekiUrl = fuseki.url("/ds/get?default");
        Section s = new Section("download", "the whole graph as Turtle",
                "`GET /download/aikg.ttl` (`Accept: text/turtle`) on `aikg serve CORPUS`",
                "Fuseki's Graph Store Protocol `GET /ds/get?default` (`Accept: text/turtle`) on the bare Fuseki of the serve benchmark, whose default "
                        + "graph holds the union of the sources' graphs",
                "Fuseki time / aikg time (above 1: aikg faster)");
        Section.Row row = s.row("time to the last byte", "s", "%.3f");
        row.goal = "≥ 10×";

        // one untimed fetch of each, saved and parsed, to check that both hold the same triples
        Bench.log("download: warm-up fetch of each, parsed to count the triples (not timed) ...");
        Path fa = ctx.tmp("download-aikg.ttl");
        Path ff = ctx.tmp("download-fuseki.ttl");
        Fetch wa = fetch(aikgUrl, fa);
        Fetch wf = fetch(fusekiUrl, ff);
        long ta = countTriples(fa);
        long tf = countTriples(ff);
        try {
            Files.deleteIfExists(fa);
            Files.deleteIfExists(ff);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Bench.log(String.format(Locale.ROOT, "  aikg %d %s, %,d bytes, %,d triples, %.2f s; Fuseki %d %s, %,d bytes, %,d triples, %.2f s", wa.status(),
                wa.contentType(), wa.bytes(), ta, wa.seconds(), wf.status(), wf.contentType(), wf.bytes(), tf, wf.seconds()));
        if (wa.status() != 200 || wf.status() != 200) throw new IllegalStateException("download: a warm-up fetch failed");

        for (int rep = 0; rep < ctx.reps; rep++) {
            boolean aikgFirst = rep % 2 == 0;
            Fetch a = null;
            Fetch f = null;
            for (int k = 0; k < 2; k++) {
                ctx.waitIdle();
                if ((k == 0) == aikgFirst) a = fetch(aikgUrl, null);
                else f = fetch(fusekiUrl, null);
            }
            if (a.status() != 200 || f.status() != 200 || a.bytes() != wa.bytes()) {
                throw new IllegalStateException("download run " + (rep + 1) + ": aikg " + a + ", Fuseki " + f);
            }
            row.aikg.add(a.seconds());
            row.base.add(f.seconds());
            row.ratio.add(f.seconds() / a.seconds());
            Bench.log(String.format(Locale.ROOT, "download run %d: aikg %.3f s (%,d bytes), Fuseki %.3f s (%,d bytes), ratio %.1f", rep + 1, a.seconds(),
                    a.bytes(), f.seconds(), f.bytes(), f.seconds() / a.seconds()));
        }
        s.runs = ctx.reps;
        row.met = row.ratioMedian() >= 10;
        s.note(String.format(Locale.ROOT, "Bodies: aikg %s (%,d triples, `%s`), Fuseki %s (%,d triples, `%s`)%s.", Bench.mib(wa.bytes()), ta, wa.contentType(),
                Bench.mib(wf.bytes()), tf, wf.contentType(), ta == tf ? ": the same number of triples" : ": DIFFERENT triple counts"));
        ctx.waitIdle();
        Fetch same = fetch(server.url("/ds/get?default"), null);
        s.note(String.format(Locale.ROOT, "For context, not a goal: one fetch of `/ds/get?default` from aikg's own server (Fuseki's Graph Store code over aikg's "
                + "dataset): %d, %s, %.2f s.", same.status(), Bench.mib(same.bytes()), same.seconds()));
        s.note("aikg sends a file written once when the server started (its start-up pays for it); Fuseki serialises the default graph on every request. "
                + "Client: java.net.http.HttpClient (HTTP/1.1) reading the body through a 64 KiB buffer and discarding it; one warm-up of each, then "
                + ctx.reps + " alternating pairs.");
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
