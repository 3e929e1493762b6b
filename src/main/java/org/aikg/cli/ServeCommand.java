package org.aikg.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.aikg.AikgException;
import org.aikg.UsageException;
import org.aikg.input.Graphs;
import org.aikg.release.Releases;
import org.aikg.server.AikgServer;
import org.aikg.store.Datasets;
import org.aikg.store.Published;
import org.aikg.store.Tdb2Store;
import org.aikg.watch.Watcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "serve", mixinStandardHelpOptions = true,
        header = "Publish the data: SPARQL endpoint, linked-data pages, downloads, dataset metadata.",
        description = "Converts the data in memory and serves it on embedded Apache Jena Fuseki: / (home), /sparql (the "
                + "SPARQL 1.1 endpoint, and YASGUI for people), /id/... and /doc/... (linked-data pages in English and Chinese), "
                + "/class (browse by class), /search (names and labels), /download/ (the whole graph in six formats), /dataset (VoID "
                + "and DCAT), /def (the ontology), /queries (the named queries), /fragments (Triple Pattern Fragments), and Fuseki's "
                + "own /ds endpoints. Read-only. Stops cleanly on Ctrl-C.",
        footer = {"", "Examples:", "  aikg serve", "  aikg serve data --port 8080 --query-timeout 30s"})
final class ServeCommand implements Runnable {
    private final Cli.Io io;

    @Parameters(paramLabel = "DATA", arity = "0..*", description = "Data folders or fact sheets, or one RDF file aikg wrote. Default: data")
    List<Path> data = List.of(Path.of("data"));

    @Option(names = "--port", defaultValue = "3030", paramLabel = "PORT", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--query-timeout", defaultValue = "10s", paramLabel = "DURATION",
            description = "Stop a query after this long and answer 503 (default: ${DEFAULT-VALUE}; e.g. 500ms, 30s, 2m).")
    String queryTimeout;

    @Option(names = "--max-rows", defaultValue = "100000", paramLabel = "N",
            description = "Most rows (or triples) a query may answer with; past it, 422 (default: ${DEFAULT-VALUE}).")
    int maxRows;

    @Option(names = "--max-bytes", defaultValue = "64MiB", paramLabel = "SIZE",
            description = "Most bytes of an answer (a query's, a fragment's); past it, 422, and no value a query makes may be longer than "
                    + "a quarter of it (default: ${DEFAULT-VALUE}; e.g. 512KiB, 16MiB, 1GiB).")
    String maxBytes;

    @Option(names = "--max-queries", paramLabel = "N",
            description = "Queries (SPARQL, fragments, Graph Store reads) that run at once; four times as many more wait up to a second for "
                    + "a place, the rest get 503 at once. Pages never wait behind queries (default: 2 per core, at least 4).")
    Integer maxQueries;

    @Option(names = "--tdb2", paramLabel = "DIR", description = "Serve a TDB2 store made by 'aikg load' instead of converting DATA "
            + "(with --watch: DATA is loaded into the store first, and each change is written into it).")
    Path tdb2;

    @Option(names = "--releases", paramLabel = "DIR", description = "The folder of the dataset's releases (made by 'aikg release -o DIR'): "
            + "each served under /download/VERSION/, listed with what it changed on /changes and /dataset, and each thing's page shows its "
            + "history (and takes its Last-Modified and sitemap day from it).")
    Path releases;

    @Option(names = "--watch", description = "Live preview: watch DATA (sheets, texts, the descriptor) and serve each saved change at once "
            + "(converted again for the sheets that changed; every page, /sparql, search and the downloads switch to it together). "
            + "Open pages reload themselves; a file that does not convert shows its message on every page and here, and the last "
            + "good data stays served.")
    boolean watch;

    @Option(names = "--page-cache", defaultValue = "64", paramLabel = "MIB",
            description = "MiB of rendered pages kept in memory (default: ${DEFAULT-VALUE}; 0 renders every page on every request).")
    long pageCacheMib;

    @Option(names = "--public", description = "Listen on all network interfaces, not only on this machine (loopback).")
    boolean open;

    @Option(names = "--url", paramLabel = "URL", description = "The address clients reach this server at, written into the controls of "
            + "/fragments (default: http://localhost:PORT). Set it when serving behind a proxy or under another name.")
    String url;

    ServeCommand(Cli.Io io) {
        this.io = io;
    }

    @Override
    public void run() {
        Duration timeout = duration(queryTimeout);
        if (port < 0 || port > 65535) throw new UsageException("bad port " + port + " (expected 0-65535; 0 picks a free one)");
        if (maxRows < 1) throw new UsageException("--max-rows must be at least 1, not " + maxRows);
        long bytes = Sizes.parse("--max-bytes", maxBytes);
        if (maxQueries != null && (maxQueries < 1 || maxQueries > 10_000)) throw new UsageException("--max-queries must be 1 to 10000, not " + maxQueries);
        if (pageCacheMib < 0 || pageCacheMib > 1 << 20) throw new UsageException("--page-cache must be 0 to 1048576 MiB, not " + pageCacheMib);
        if (url != null) {
            try {
                AikgServer.checkedUrl(url);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--url: " + e.getMessage());
            }
        }
        if (releases != null) {
            if (!Files.isDirectory(releases)) throw new UsageException("--releases: no folder " + releases + " (make releases with aikg release VERSION -o "
                    + releases + ")");
            Releases.at(releases).all();  // a list that does not read is refused now, with its line
        }
        requirePortFree();
        io.err().println("loading " + (tdb2 != null ? "the TDB2 store " + tdb2 : String.join(" ", data.stream().map(Path::toString).toList())) + " ...");
        AikgServer.prepare();  // Jena and Fuseki get ready while the data is read
        Path cache = watch ? (tdb2 != null ? Tdb2Store.cache(tdb2) : temporaryCache()) : null;
        Published published;
        try (Progress progress = new Progress("load")) {
            if (tdb2 != null && watch) Tdb2Store.load(tdb2, Graphs.of(data).progress(progress));
            published = tdb2 != null ? Tdb2Store.open(tdb2) : Datasets.open(watch ? Graphs.of(data).cache(cache).progress(progress)
                    : Graphs.of(data).progress(progress));
        }
        AikgServer server;
        try {
            AikgServer.Builder builder = AikgServer.builder(published).port(port).queryTimeout(timeout).maxRows(maxRows).maxBytes(bytes)
                    .loopbackOnly(!open).pageCacheBytes(pageCacheMib << 20).live(watch);
            if (maxQueries != null) builder.maxQueries(maxQueries);
            if (url != null) builder.publicUrl(url);
            if (releases != null) builder.releases(releases);
            server = builder.build().start();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (RuntimeException e) {
            throw new AikgException("cannot start the server on port " + port + ": " + rootMessage(e), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            io.err().println("stopping ...");
            server.stop();
        }, "aikg-shutdown"));
        String at = server.url();
        String title = published.description().title().getOrDefault("en", published.description().base());
        io.out().println("aikg is serving " + title + " (" + published.description().base() + ") at " + at);
        io.out().println("  " + at + "            home: the dataset, its statistics, entry points");
        io.out().println("  " + at + "sparql      SPARQL endpoint and query editor (YASGUI)");
        io.out().println("  " + at + "class       browse by class;  " + at + "search?q=天津  search names and labels");
        io.out().println("  " + at + "download/   the whole graph (Turtle, N-Triples, JSON-LD, RDF/XML, TriG, N-Quads)");
        io.out().println("  " + at + "dataset     VoID/DCAT description;  " + at + "def  the ontology");
        io.out().println("  " + at + "fragments   Triple Pattern Fragments, for Linked Data Fragments clients");
        if (watch) {
            Watcher.start(data, cache, QUIET, new LivePreview(server, tdb2, io));
            io.out().println("Watching " + String.join(" ", data.stream().map(Path::toString).toList()) + ": a saved change is served at "
                    + "once, and open pages reload.");
        }
        io.out().println("Press Ctrl-C to stop.");
        io.out().flush();
        server.join();
    }

    /** How long the files must be quiet before a change is converted: an editor saves in several writes. */
    static final Duration QUIET = Duration.ofMillis(100);

    /** A folder for the cache of converted sheets that --watch converts through, removed when the server stops. */
    private static Path temporaryCache() {
        try {
            Path dir = Files.createTempDirectory("aikg-watch-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> removeTree(dir), "aikg-watch-cache"));
            return dir.resolve("cache");
        } catch (IOException e) {
            throw new AikgException("cannot make a temporary folder for --watch: " + e.getMessage(), e);
        }
    }

    private static void removeTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temporary folder: the system clears it in the end
        }
    }

    /** Serves each change the watcher tells of, and says so on the console. */
    private record LivePreview(AikgServer server, Path tdb2, Cli.Io io) implements Consumer<Watcher.Event> {
        @Override
        public void accept(Watcher.Event event) {
            try {
                if (event instanceof Watcher.Changed c) {
                    long start = System.nanoTime();
                    if (tdb2 != null && !(c.graphs().isEmpty() && c.removed().isEmpty())) Tdb2Store.changedElsewhere(tdb2);
                    server.change(c.graphs(), c.removed(), c.description());
                    io.err().println("served: " + c.graphs().size() + " graph" + (c.graphs().size() == 1 ? "" : "s") + " changed, "
                            + c.removed().size() + " removed (" + (System.nanoTime() - start) / 1_000_000 + " ms)");
                } else if (event instanceof Watcher.Failed f) {
                    server.failed(f.message());
                    io.err().println("error: " + f.message() + " (the data served stays as it was; fix the file and save it again)");
                }
            } catch (RuntimeException e) {
                String message = "cannot serve the change: " + rootMessage(e);
                server.failed(message);
                io.err().println("error: " + message);
            }
            io.err().flush();
        }
    }

    /**
     * Refuses a port that is taken before the data is read, not after (a large store takes seconds
     * to open): a socket is bound to it on the address the server will listen on, then let go.
     */
    private void requirePortFree() {
        if (port == 0) return;
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(open ? new InetSocketAddress(port) : new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new AikgException("cannot start the server on port " + port + ": " + e.getMessage()
                    + " (is another server using it? give another with --port, or --port 0 for a free one)");
        }
    }

    static Duration duration(String s) {
        return Durations.parse("--query-timeout", s);
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
