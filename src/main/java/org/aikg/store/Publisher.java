package org.aikg.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.nio.file.Path;
import org.aikg.AikgException;
import org.aikg.UsageException;
import org.aikg.convert.Converter;
import org.aikg.source.Sources;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Puts each source's named graph, and the dataset's graph, into a SPARQL 1.1 Graph Store Protocol
 * store with {@code PUT ?graph=…}: publishing again changes nothing. Connection failures and 5xx
 * answers are retried with growing pauses; any other refusal stops the run with the store's answer.
 *
 * <pre>{@code
 * Publisher p = Publisher.to(URI.create("http://localhost:3030/ds")).credentials(Optional.of(creds));
 * Publisher.Stats s = p.publish(List.of(Path.of("data")), Converter.Progress.NONE);
 * }</pre>
 */
public final class Publisher {
    /** A user name and password for HTTP Basic authentication. */
    public record Credentials(String user, String password) {
        public Credentials {
            if (user == null || user.isEmpty() || password == null) throw new IllegalArgumentException("credentials need a user and a password");
        }

        @Override
        public String toString() {
            return "Credentials[" + user + ", ****]";
        }
    }

    /** What a publish did. */
    public record Stats(int graphs, long triples, int retries, long millis, List<String> failures) {}

    private final URI graphStore;
    private final Optional<Credentials> credentials;
    private final int attempts;
    private final Duration firstPause;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Publisher(URI graphStore, Optional<Credentials> credentials, int attempts, Duration firstPause) {
        this.graphStore = graphStore;
        this.credentials = credentials;
        this.attempts = attempts;
        this.firstPause = firstPause;
    }

    /** Publishes to the Graph Store at {@code graphStore} (for Fuseki, the dataset's URL, e.g. http://host:3030/ds). */
    public static Publisher to(URI graphStore) {
        String scheme = graphStore.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || graphStore.getHost() == null) {
            throw new UsageException("bad store URL \"" + graphStore + "\" (expected an http(s) URL such as http://localhost:3030/ds)");
        }
        return new Publisher(graphStore, Optional.empty(), 8, Duration.ofMillis(500));
    }

    public Publisher credentials(Optional<Credentials> credentials) {
        return new Publisher(graphStore, credentials, attempts, firstPause);
    }

    /** How many times to try each request (at least 1), the first pause between tries doubling up to 8 s. */
    public Publisher retries(int attempts, Duration firstPause) {
        if (attempts < 1) throw new UsageException("--retries must be at least 1, not " + attempts);
        return new Publisher(graphStore, credentials, attempts, firstPause);
    }

    /** Converts fact sheets (or reads one RDF file) and puts every graph. */
    public Stats publish(List<Path> inputs, Converter.Progress progress, boolean keepGoing) {
        long start = System.nanoTime();
        int[] graphs = {0};
        long[] triples = {0};
        int[] retries = {0};
        List<String> failures;
        if (Datasets.isRdfFile(inputs)) {
            DatasetGraph dsg = Datasets.parse(inputs.get(0));
            Node fileGraph = Datasets.graphOfFile(inputs.get(0));
            for (var it = dsg.listGraphNodes(); it.hasNext();) {
                Node g = it.next();
                // a triples file's triples go to the store's default graph, not to a graph named after a local file
                retries[0] += put(g.equals(fileGraph) ? null : g, dsg.getGraph(g).find().toList());
                graphs[0]++;
                triples[0] += dsg.getGraph(g).size();
            }
            failures = List.of();
        } else {
            Converter.Stats s = Converter.of(Sources.scan(inputs)).keepGoing(keepGoing).progress(progress).forEachGraph((g, ts) -> {
                retries[0] += put(g, ts);
                graphs[0]++;
                triples[0] += ts.size();
            });
            failures = s.failures();
        }
        return new Stats(graphs[0], triples[0], retries[0], (System.nanoTime() - start) / 1_000_000, failures);
    }

    /** PUTs one graph (null: the default graph); returns the retries it took. */
    private int put(Node graph, List<Triple> triples) {
        Graph g = GraphFactory.createGraphMem();
        triples.forEach(g::add);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        RDFWriter.source(g).format(RDFFormat.NTRIPLES).output(body);
        String sep = graphStore.getQuery() == null ? "?" : "&";
        URI target = URI.create(graphStore + sep + (graph == null ? "default" : "graph=" + URLEncoder.encode(graph.getURI(), StandardCharsets.UTF_8)));
        HttpRequest.Builder req = HttpRequest.newBuilder(target).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/n-triples; charset=utf-8")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        credentials.ifPresent(c -> req.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((c.user() + ":" + c.password()).getBytes(StandardCharsets.UTF_8))));
        return send(req.build(), graph == null ? "the default graph" : graph.getURI());
    }

    private int send(HttpRequest request, String graph) {
        int retries = 0;
        Duration pause = firstPause;
        String last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                int code = r.statusCode();
                if (code >= 200 && code < 300) return retries;
                String answer = code + " " + r.body().strip().lines().findFirst().orElse(reason(code));
                if (code < 500) {
                    throw new AikgException("the store refused " + graph + ": " + answer
                            + (code == 401 || code == 403 ? " (check the credentials)"
                            : code == 404 || code == 405 ? " (is " + graphStore + " a Graph Store URL that takes writes?)" : ""));
                }
                last = answer;
            } catch (ConnectException | HttpTimeoutException e) {
                last = "cannot connect: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            } catch (IOException e) {
                last = "connection failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AikgException("interrupted while publishing " + graph);
            }
            if (attempt == attempts) break;
            retries++;
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AikgException("interrupted while publishing " + graph);
            }
            pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(8)) > 0 ? Duration.ofSeconds(8) : pause.multipliedBy(2);
        }
        throw new AikgException("could not publish " + graph + " to " + graphStore + " after " + attempts + " tries: " + last);
    }

    private static String reason(int code) {
        return switch (code) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            default -> "";
        };
    }

    /** Reads credentials from a file holding "user:password" on its first line. */
    public static Credentials readCredentials(Path file) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(file, StandardCharsets.UTF_8);
            String line = lines.isEmpty() ? "" : lines.get(0).strip();
            int colon = line.indexOf(':');
            if (colon <= 0) throw new UsageException(file + ": expected \"user:password\" on the first line");
            return new Credentials(line.substring(0, colon), line.substring(colon + 1));
        } catch (IOException e) {
            throw new UsageException("cannot read the credentials file " + file + ": " + e.getMessage());
        }
    }

    /** Credentials from AIKG_PUBLISH_USER and AIKG_PUBLISH_PASSWORD, when both are set. */
    public static Optional<Credentials> credentialsFromEnvironment(Map<String, String> env) {
        String user = env.get("AIKG_PUBLISH_USER");
        String password = env.get("AIKG_PUBLISH_PASSWORD");
        if (user == null && password == null) return Optional.empty();
        if (user == null || password == null) throw new UsageException("set both AIKG_PUBLISH_USER and AIKG_PUBLISH_PASSWORD, or neither");
        return Optional.of(new Credentials(user, password));
    }
}
