package org.aikg.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpClient.Redirect;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aikg.AikgException;
import org.aikg.ConflictException;
import org.aikg.UsageException;
import org.aikg.format.Format;
import org.aikg.format.Formats;
import org.aikg.input.Graphs;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.http.HttpLib;
import org.apache.jena.http.auth.AuthChallenge;
import org.apache.jena.http.auth.AuthEnv;
import org.apache.jena.http.auth.AuthLib;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.WebContent;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.riot.web.HttpNames;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Puts each source's named graph, and the dataset's graph, into a SPARQL 1.1 Graph Store Protocol
 * store with {@code PUT ?graph=…}: publishing again changes nothing. Connection failures, 5xx
 * answers and tries that run out of time are retried with growing pauses, each failed try reported;
 * any other refusal stops the run with the store's answer.
 *
 * <p>With a {@link #state} folder only the change is sent. What the store was last sent is kept there, one file a
 * store ({@link PublishRecord}: each graph's IRI and {@link GraphDigest}, a SHA-256 of its sorted N-Triples lines),
 * written when the graphs it records were sent; a publish compares each graph of the data with it and PUTs the new and
 * changed ones, then DELETEs ({@code DELETE ?graph=…}) those it sent before that the data no longer has. A graph it sent
 * before is first read back ({@code GET}, N-Triples): if the store holds neither what was sent nor what is about to be,
 * someone else changed it, and the publish stops with a {@link ConflictException} naming it, sending nothing more
 * ({@link #force} skips the reading). Only the graphs about to change are read. {@link #plan} says what a publish
 * would send without sending anything.
 *
 * <p>Time is bounded twice: each try has {@link #timeout} for the whole exchange (connecting,
 * sending the graph, reading the whole answer: a store that sends its headers and then trickles
 * the body is cut off too), and the whole publish, conversion included, has {@link #maxTime}.
 *
 * <p>Authentication is Jena's: the credentials are registered in {@link AuthEnv} for the store's URL
 * while the publish runs, and each try is sent by {@link AuthLib#authExecuteAsync}, which answers the
 * store's 401 with Basic or Digest, whichever it asks for, and keeps the answer for the next requests
 * ({@link HttpLib#requestBuilderFor} adds it; a stale nonce is answered again). Jena's Digest
 * (5.6.0, {@code DigestLib}, {@code AuthHttp}) hashes with MD5 whatever {@code algorithm} the store
 * names, always says {@code qop=auth}, and signs the path without its query string
 * ({@code HttpLib.requestTargetServer}); Virtuoso takes that, a store that asks for SHA-256 is told so. It also signs the
 * answer it keeps for the method of the request that met the challenge ({@code DigestLib.digestAuthModifier}), so with
 * Digest the first PUT after a GET (and GET after a PUT) is challenged again, which costs one more round trip.
 * The request URL is built as Jena's GSP builds it ({@link HttpLib#requestURL}, {@link HttpLib#urlEncodeQueryString}).
 *
 * <p>The exchange itself is not {@code GSP.PUT}: in Jena 5.6.0 it cannot keep what this class
 * promises. {@code GSP.PUT(Graph)} goes through {@code HttpRDF.httpPutGraph} to
 * {@code HttpLib.httpPushData}, which builds the request with no time limit (GSP has no setting
 * for one; only headers), waits for it with {@code CompletableFuture.join()} (no deadline, not
 * interruptible), then reads a 2xx answer to its end ({@code finishResponse}: a trickling store
 * holds the try for ever) and a refusal whole into memory ({@code HttpLib.exception},
 * {@code IO.readWholeFileAsUTF8}: no 64 KiB cap), and throws an {@code HttpException} that keeps the
 * status and body but not the headers, so a redirect could not say where to. So the request is the
 * JDK's, with our time limit and our body handler that keeps the first 64 KiB and can be stopped; the
 * client is ours, built with {@code Redirect.NEVER} (Jena's default client, {@code HttpEnv}, follows
 * redirects). {@link AuthEnv} is the JVM's: two publishes to one store at once in one JVM would share
 * (and the first to end would remove) the registration; the CLI runs one.
 *
 * <pre>{@code
 * Publisher p = Publisher.to("http://localhost:3030/ds").credentials(Optional.of(creds)).state(Path.of(".aikg-publish"))
 *         .timeout(Duration.ofSeconds(60)).maxTime(Duration.ofMinutes(30)).onFailedTry(System.err::println);
 * Publisher.Plan plan = p.plan(Graphs.of(List.of(Path.of("data"))));   // what would be sent
 * Publisher.Stats s = p.publish(Graphs.of(List.of(Path.of("data"))));
 * }</pre>
 */
public final class Publisher {
    /** The format a graph is sent in: N-Triples, which every Graph Store Protocol store reads. */
    private static final Format SENT = Formats.NTRIPLES;

    /** A user name and password for HTTP Basic or Digest authentication (whichever the store asks for). */
    public record Credentials(String user, String password) {
        public Credentials {
            if (user == null || user.isEmpty() || password == null) throw new IllegalArgumentException("credentials need a user and a password");
        }

        @Override
        public String toString() {
            return "Credentials[" + user + ", ****]";
        }
    }

    /**
     * What a publish did: the graphs it put and their triples, the graphs it deleted, those it left as they were (as last
     * sent), those no longer in the data it kept because sources were left out ({@code failures}), its retries and time.
     */
    public record Stats(int graphs, long triples, int deleted, int unchanged, int kept, int retries, long millis, List<String> failures) {
        public Stats {
            failures = List.copyOf(failures);
        }
    }

    /** The longest pause between two tries. */
    private static final Duration MAX_PAUSE = Duration.ofSeconds(8);
    /** How much of a store's answer is kept: enough for its first line, never the whole of an endless body. */
    private static final int ANSWER_BYTES = 64 * 1024;
    /** How much of a graph read back is kept: far more than a source's graph, never the whole of an endless body. */
    private static final int GRAPH_BYTES = 256 * 1024 * 1024;
    /** What a graph is read back in: N-Triples, else whatever RDF the store writes (parsed by its Content-Type). */
    private static final String READ = SENT.contentType() + ", text/turtle;q=0.9, application/rdf+xml;q=0.5, */*;q=0.1";
    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@");

    private final URI graphStore;
    private final Optional<Credentials> credentials;
    private final int attempts;
    private final Duration firstPause;
    private final Duration timeout;
    private final Duration maxTime;
    private final Consumer<String> onFailedTry;
    private final Optional<Path> state;
    private final boolean full;
    private final boolean force;

    private Publisher(URI graphStore, Optional<Credentials> credentials, int attempts, Duration firstPause, Duration timeout, Duration maxTime,
            Consumer<String> onFailedTry, Optional<Path> state, boolean full, boolean force) {
        this.graphStore = graphStore;
        this.credentials = credentials;
        this.attempts = attempts;
        this.firstPause = firstPause;
        this.timeout = timeout;
        this.maxTime = maxTime;
        this.onFailedTry = onFailedTry;
        this.state = state;
        this.full = full;
        this.force = force;
    }

    /**
     * Publishes to the Graph Store at {@code url} (for Fuseki, the dataset's URL, e.g.
     * http://host:3030/ds). A URL with a user name or password in it is refused without repeating them.
     */
    public static Publisher to(String url) {
        Matcher m = USER_INFO.matcher(url);
        if (m.find()) throw userInfo(m.replaceFirst(m.group(1)));
        try {
            return to(new URI(url));
        } catch (URISyntaxException e) {
            throw new UsageException("bad store URL " + quoted(url) + " (" + e.getReason() + "; expected an http(s) URL such as http://localhost:3030/ds)");
        }
    }

    /**
     * Publishes to the Graph Store at {@code graphStore}: an http(s) URL with a host, and nothing that would
     * move where a graph goes. A fragment ({@code #…}) would take the {@code ?graph=} every PUT adds, sending
     * each graph to the dataset itself, which a PUT replaces whole; a query string would be joined to it. Both
     * are refused before anything is sent, and neither is repeated in the message (either may hold a secret).
     */
    public static Publisher to(URI graphStore) {
        if (graphStore.getRawUserInfo() != null) throw userInfo(graphStore.toString().replace(graphStore.getRawUserInfo() + "@", ""));
        String scheme = graphStore.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || graphStore.getHost() == null) {
            throw new UsageException("bad store URL " + quoted(bare(graphStore)) + " (expected an http(s) URL such as http://localhost:3030/ds)");
        }
        if (graphStore.getRawFragment() != null) {
            throw new UsageException("the store URL " + quoted(bare(graphStore)) + " has a fragment (#…): each graph would be sent to the dataset "
                    + "itself, replacing it whole; give the dataset's URL without one");
        }
        if (graphStore.getRawQuery() != null) {
            throw new UsageException("the store URL " + quoted(bare(graphStore)) + " has a query string (?…): aikg adds ?graph= for each graph; "
                    + "give the dataset's or the Graph Store's URL without one");
        }
        return new Publisher(graphStore, Optional.empty(), 8, Duration.ofMillis(500), Duration.ofSeconds(60), Duration.ofMinutes(30), line -> { },
                Optional.empty(), false, false);
    }

    /** The URL without its query string and fragment, for messages. */
    private static String bare(URI u) {
        String s = u.toString();
        int cut = s.length();
        int q = s.indexOf('?');
        int h = s.indexOf('#');
        if (q >= 0) cut = Math.min(cut, q);
        if (h >= 0) cut = Math.min(cut, h);
        return s.substring(0, cut);
    }

    /** A URL in a message, in quotes, its invisible and non-ASCII characters percent-encoded as a URL would have them. */
    private static String quoted(String url) {
        StringBuilder b = new StringBuilder("\"");
        for (byte c : url.getBytes(StandardCharsets.UTF_8)) {
            int u = c & 0xff;
            if (u <= 0x20 || u >= 0x7f || u == '"') b.append(String.format(java.util.Locale.ROOT, "%%%02X", u));
            else b.append((char) u);
        }
        return b.append('"').toString();
    }

    private static UsageException userInfo(String withoutIt) {
        return new UsageException("the store URL has a user name or password in it (" + withoutIt + "): aikg does not send them, and a "
                + "password on the command line is visible to every user of the machine; give them with --credentials FILE, or "
                + "AIKG_PUBLISH_USER and AIKG_PUBLISH_PASSWORD");
    }

    public Publisher credentials(Optional<Credentials> credentials) {
        return new Publisher(graphStore, credentials, attempts, firstPause, timeout, maxTime, onFailedTry, state, full, force);
    }

    /** How many times to try each request (at least 1), the first pause between tries doubling up to 8 s. */
    public Publisher retries(int attempts, Duration firstPause) {
        if (attempts < 1) throw new UsageException("--retries must be at least 1, not " + attempts);
        return new Publisher(graphStore, credentials, attempts, firstPause, timeout, maxTime, onFailedTry, state, full, force);
    }

    /** The time one try may take, from connecting to the last byte of the answer (default 60 s). */
    public Publisher timeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) throw new UsageException("--timeout must be more than 0");
        return new Publisher(graphStore, credentials, attempts, firstPause, timeout, maxTime, onFailedTry, state, full, force);
    }

    /** The time the whole publish may take, conversion and pauses included (default 30 min). */
    public Publisher maxTime(Duration maxTime) {
        if (maxTime.isNegative() || maxTime.isZero()) throw new UsageException("--max-time must be more than 0");
        return new Publisher(graphStore, credentials, attempts, firstPause, timeout, maxTime, onFailedTry, state, full, force);
    }

    /** Hears one line for each failed try that will be tried again: what failed, and when the next try is. */
    public Publisher onFailedTry(Consumer<String> onFailedTry) {
        return new Publisher(graphStore, credentials, attempts, firstPause, timeout, maxTime, onFailedTry, state, full, force);
    }

    /**
     * Keeps in {@code folder} what was sent to this store (a file per store, named by a hash of its URL), and from then on
     * sends only what changed since: a PUT for each new or changed graph, a DELETE for each graph sent before that is no
     * longer in the data, nothing when nothing changed. Before a graph the record says was sent is replaced or removed,
     * the store's copy is read back and must still be what was sent ({@link ConflictException} if not; see {@link #force}).
     * Without a folder every graph is sent every time, and nothing is removed.
     */
    public Publisher state(Path folder) {
        return new Publisher(graphStore, credentials, attempts, firstPause, timeout, maxTime, onFailedTry, Optional.of(folder), full, force);
    }

    /** With {@code true}, every graph is sent, changed or not (a removed one still deleted), and the record written afresh. */
    public Publisher full(boolean full) {
        return new Publisher(graphStore, credentials, attempts, firstPause, timeout, maxTime, onFailedTry, state, full, force);
    }

    /** With {@code true}, the store's copies are not read back first: a graph someone else changed is overwritten or removed. */
    public Publisher force(boolean force) {
        return new Publisher(graphStore, credentials, attempts, firstPause, timeout, maxTime, onFailedTry, state, full, force);
    }

    /** Why a graph is sent: the request, and what it does. */
    public enum Kind {
        /** Not in the record: PUT. */
        NEW("PUT", "new"),
        /** Its hash differs from the record's: PUT. */
        CHANGED("PUT", "changed"),
        /** As recorded, but sent all the same: {@link #full}, or blank nodes, which the hash cannot tell apart. */
        UNCHANGED("PUT", "unchanged"),
        /** In the record, no longer in the data: DELETE. */
        REMOVED("DELETE", "removed");

        private final String method;
        private final String why;

        Kind(String method, String why) {
            this.method = method;
            this.why = why;
        }

        public String method() {
            return method;
        }
    }

    /** One request of a publish: a graph (an IRI, or "the default graph") and why it is sent. */
    public record Change(Kind kind, String graph) {
        /** "PUT new https://…", "DELETE removed https://…". */
        @Override
        public String toString() {
            return kind.method + " " + kind.why + " " + graph;
        }
    }

    /**
     * What a publish would send, in the order it would send it; the graphs as last sent, which it would not; the graphs
     * no longer in the data that it would keep because sources were left out ({@code failures}), as they may be theirs.
     */
    public record Plan(List<Change> changes, int unchanged, int kept, List<String> failures) {
        public Plan {
            changes = List.copyOf(changes);
            failures = List.copyOf(failures);
        }
    }

    /** What {@link #publish} would send, found from the data and the record alone: nothing is sent, not even a read. */
    public Plan plan(Graphs graphs) {
        Pass pass = new Pass(null);
        Graphs.Stats s = graphs.forEachWholeGraph(part -> pass.graph(graphs.isFileGraph(part.name()) ? null : part.name(), part.triples()));
        pass.removed(s.failures().isEmpty());
        return new Plan(pass.changes, pass.unchanged, pass.kept, s.failures());
    }

    /**
     * Puts each graph whole (an RDF file's triples outside any named graph into the store's default graph); with a
     * {@link #state} folder only the changes since the last publish, the record written when they were sent (and, if the
     * publish stops part way, with what was sent until then).
     */
    public Stats publish(Graphs graphs) {
        long start = System.nanoTime();
        Run run = new Run(start + maxTime.toNanos());
        Pass pass = new Pass(run);
        // Jena's AuthLib answers a 401 with what AuthEnv holds for the URL; it is the JVM's, so the credentials are
        // there only while this publish runs, and the Digest or Basic session AuthLib kept goes with them
        credentials.ifPresent(c -> AuthEnv.get().registerUsernamePassword(graphStore, c.user(), c.password()));
        Graphs.Stats s;
        boolean done = false;
        try {
            // a local file's name means nothing to a remote store
            s = graphs.forEachWholeGraph(part -> pass.graph(graphs.isFileGraph(part.name()) ? null : part.name(), part.triples()));
            pass.removed(s.failures().isEmpty());
            done = true;
        } finally {
            if (credentials.isPresent()) AuthEnv.get().unregisterUsernamePassword(graphStore);
            pass.save(done);
        }
        return new Stats(pass.sent, pass.triples, pass.deleted, pass.unchanged, pass.kept, run.retries, (System.nanoTime() - start) / 1_000_000,
                s.failures());
    }

    /** RDF Patch's media type, which Fuseki's patch service takes. */
    public static final String PATCH_TYPE = "application/rdf-patch";

    /**
     * Sends a release as its RDF Patch, in one request to the store's patch service {@code service}, where it is
     * applied in one transaction: {@code patch} takes the store from {@code from} (the release before; an empty
     * dataset for the first) to {@code to}. The store must hold {@code from}: the record (a {@link #state} folder is
     * needed) must name exactly its graphs, else nothing is sent. Each graph the patch changes is read back first,
     * as {@link #publish} does (unless {@link #force}); the record then names {@code to}'s graphs.
     */
    public Stats publishPatch(DatasetGraph from, DatasetGraph to, byte[] patch, String release, URI service) {
        if (state.isEmpty()) throw new UsageException("publishing a patch needs the record of what the store holds (a --state folder)");
        long start = System.nanoTime();
        PublishRecord before = PublishRecord.read(state.get(), graphStore);
        Map<Node, GraphDigest> base = digests(from);
        Map<Node, GraphDigest> after = digests(to);
        if (before.graphs().equals(after)) {
            return new Stats(0, 0, 0, after.size(), 0, 0, (System.nanoTime() - start) / 1_000_000, List.of());  // sent already
        }
        if (!before.graphs().equals(base)) {
            throw new ConflictException("the record of what was last sent to " + graphStore + " (" + recordFile().map(Path::toString).orElse("")
                    + ") is not the release this patch starts from (" + base.size() + " graph" + (base.size() == 1 ? "" : "s") + "; the record "
                    + "names " + before.graphs().size() + "): nothing was sent. Publish that release's data first (without --patch), or this "
                    + "release's data");
        }
        Set<Node> touched = new LinkedHashSet<>();
        after.forEach((g, d) -> {
            if (!d.equals(base.get(g))) touched.add(g);
        });
        base.keySet().stream().filter(g -> !after.containsKey(g)).forEach(touched::add);
        Run run = new Run(start + maxTime.toNanos());
        credentials.ifPresent(c -> {
            AuthEnv.get().registerUsernamePassword(graphStore, c.user(), c.password());
            AuthEnv.get().registerUsernamePassword(service, c.user(), c.password());
        });
        try {
            if (!force) {
                for (Node g : touched) {
                    GraphDigest held = run.get(g);
                    GraphDigest last = base.getOrDefault(g, GraphDigest.empty());
                    if (!held.equals(last) && !held.equals(after.getOrDefault(g, GraphDigest.empty()))) {
                        throw new ConflictException("the store's graph " + show(g) + " at " + graphStore + " is not what aikg put there (it holds "
                                + triples(held.triples()) + ", aikg put " + triples(last.triples()) + "); someone else changed it. Nothing was "
                                + "sent. To apply the patch all the same, publish with --force");
                    }
                }
            }
            run.patch(service, patch, "the patch of release " + release + " (" + patch.length + " bytes)");
        } finally {
            if (credentials.isPresent()) {
                AuthEnv.get().unregisterUsernamePassword(graphStore);
                AuthEnv.get().unregisterUsernamePassword(service);
            }
        }
        try {
            new PublishRecord(graphStore, after).write(state.get());
        } catch (IOException e) {
            throw new AikgException("the patch was applied, but the record of what was sent, " + recordFile().map(Path::toString).orElse("")
                    + ", could not be written: " + e.getMessage(), e);
        }
        long triples = after.values().stream().mapToLong(GraphDigest::triples).sum();
        int unchanged = (int) after.keySet().stream().filter(g -> !touched.contains(g)).count();
        int deleted = (int) base.keySet().stream().filter(g -> !after.containsKey(g)).count();
        return new Stats(touched.size() - deleted, triples, deleted, unchanged, 0, run.retries, (System.nanoTime() - start) / 1_000_000, List.of());
    }

    /** The digest of each named graph of a dataset. */
    private static Map<Node, GraphDigest> digests(DatasetGraph dsg) {
        Map<Node, GraphDigest> out = new LinkedHashMap<>();
        dsg.listGraphNodes().forEachRemaining(g -> out.put(g, GraphDigest.of(dsg.getGraph(g).find())));
        return out;
    }

    /** The file where what was sent to this store is kept, when there is a {@link #state} folder. */
    public Optional<Path> recordFile() {
        return state.map(f -> PublishRecord.file(f, graphStore));
    }

    /** One walk through the graphs: what the record says, what was found, and (with a {@link Run}) what was sent. */
    private final class Pass {
        private final Run run;
        private final PublishRecord before;
        private final Map<Node, GraphDigest> now;
        private final Set<Node> seen = new HashSet<>();
        final List<Change> changes = new ArrayList<>();
        int sent;
        long triples;
        int deleted;
        int unchanged;
        int kept;

        Pass(Run run) {
            this.run = run;
            this.before = state.map(f -> PublishRecord.read(f, graphStore)).orElseGet(() -> new PublishRecord(graphStore, Map.of()));
            this.now = new LinkedHashMap<>(before.graphs());
        }

        /** One graph of the data (null: the default graph): sent if new or changed. */
        void graph(Node name, List<Triple> content) {
            Node key = name == null ? Quad.defaultGraphIRI : name;
            seen.add(key);
            GraphDigest digest = GraphDigest.of(content.iterator());
            GraphDigest last = before.graphs().get(key);
            Kind kind = last == null ? Kind.NEW : !last.equals(digest) ? Kind.CHANGED
                    : full || GraphDigest.hasBlankNodes(content) ? Kind.UNCHANGED : null;
            if (kind == null) {
                unchanged++;
                return;
            }
            changes.add(new Change(kind, show(name)));
            if (run == null) return;
            if (last != null) check(name, last, digest, false);
            run.put(name, content);
            if (state.isPresent()) now.put(key, digest);
            sent++;
            triples += digest.triples();
        }

        /** The graphs of the record not in the data: deleted when {@code complete}, else kept (a source left out may be theirs). */
        void removed(boolean complete) {
            for (Map.Entry<Node, GraphDigest> e : before.graphs().entrySet()) {
                if (seen.contains(e.getKey())) continue;
                if (!complete) {
                    kept++;
                    continue;
                }
                Node name = e.getKey().equals(Quad.defaultGraphIRI) ? null : e.getKey();
                changes.add(new Change(Kind.REMOVED, show(name)));
                if (run == null) continue;
                check(name, e.getValue(), GraphDigest.empty(), true);
                run.delete(name);
                now.remove(e.getKey());
                deleted++;
            }
        }

        /**
         * Reads the store's copy of a graph about to be replaced or removed: it must be what was last sent, or already what is
         * to be sent now (a publish cut off after the store took a graph, before it could be recorded). Anything else was
         * written by someone else, and is not overwritten.
         */
        private void check(Node name, GraphDigest last, GraphDigest next, boolean removing) {
            if (force) return;
            GraphDigest held = run.get(name);
            if (held.equals(last) || held.equals(next)) return;
            String recorded = " (recorded in " + recordFile().map(Path::toString).orElse("") + ")";
            String what = held.triples() == 0
                    ? "is gone: aikg put " + triples(last.triples()) + " there" + recorded + ", and someone else removed them"
                    : "is not what aikg put there: it holds " + triples(held.triples()) + ", aikg put "
                    + (held.triples() == last.triples() ? "as many but not the same" : triples(last.triples())) + recorded
                    + "; someone else changed it";
            int before = sent + deleted;
            throw new ConflictException("the store's graph " + show(name) + " at " + graphStore + " " + what + ". Nothing more was sent"
                    + (before == 0 ? "" : " (the " + before + " graph" + (before == 1 ? "" : "s") + " sent before it are recorded)")
                    + ". To " + (removing ? "remove it" : held.triples() == 0 ? "put it back" : "replace it with the data's")
                    + " all the same, publish with --force");
        }

        /** Writes the record when it changed: after the whole publish, or, when it stopped part way, with what was sent. */
        void save(boolean done) {
            if (run == null || state.isEmpty() || now.equals(before.graphs())) return;
            try {
                new PublishRecord(graphStore, now).write(state.get());
            } catch (IOException e) {
                String where = recordFile().map(Path::toString).orElse("");
                if (done) {
                    throw new AikgException("the graphs were sent, but the record of what was sent, " + where + ", could not be written: "
                            + e.getMessage() + "; the next publish reads each changed graph back before it replaces it", e);
                }
                // the publish already failed; its own message is the one to print
                onFailedTry.accept("the record of what was sent, " + where + ", could not be written: " + e.getMessage());
            }
        }
    }

    private static String triples(long n) {
        return n + " triple" + (n == 1 ? "" : "s");
    }

    /** A graph for messages: its IRI, or "the default graph". */
    private static String show(Node graph) {
        return graph == null ? "the default graph" : graph.getURI();
    }

    /** Marks a try that met a kept-alive connection the store had closed: the request is sent again at once, on a new one. */
    private static final String CLOSED_BY_STORE = new String("closed by the store");

    /** What one request is: its method, the graph it is about, and how much of the answer is kept. */
    private enum Method {
        PUT("publish", "publishing", "to", ANSWER_BYTES),
        PATCH("apply", "applying", "to", ANSWER_BYTES),
        DELETE("delete", "deleting", "from", ANSWER_BYTES),
        GET("read", "reading", "from", GRAPH_BYTES);

        final String verb;
        final String gerund;
        final String preposition;
        final int keep;

        Method(String verb, String gerund, String preposition, int keep) {
            this.verb = verb;
            this.gerund = gerund;
            this.preposition = preposition;
            this.keep = keep;
        }

        /** How a message names the request: the graph itself for a PUT, as it always has. */
        String of(String graph) {
            return this == PUT || this == PATCH ? graph : "the " + name() + " of " + graph;
        }

        /** A status that ends the request well: 2xx, and for a GET or DELETE also 404 (no such graph: nothing to read or remove). */
        boolean done(int code) {
            return (code >= 200 && code < 300) || ((this == GET || this == DELETE) && code == 404);
        }
    }

    /** An answer: its status, its first bytes, and whether there were more. */
    private record Answer(int status, byte[] body, boolean cut, String contentType) {}

    /** One publish: its HTTP client, its deadline, and the retries its requests took. */
    private final class Run {
        private final long deadline;
        private final HttpClient http;
        int retries;

        Run(long deadline) {
            this.deadline = deadline;
            Duration connect = timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10);
            // not Jena's HttpEnv client: that one follows redirects (Redirect.ALWAYS), and a PUT is not sent on to elsewhere
            this.http = HttpClient.newBuilder().connectTimeout(connect).followRedirects(Redirect.NEVER).build();
        }

        /** The Graph Store Protocol's request URL of a graph (null: the default graph), as Jena's GSP writes it. */
        private String target(Node graph) {
            return HttpLib.requestURL(graphStore.toString(), graph == null ? HttpNames.paramGraphDefault
                    : HttpNames.paramGraph + "=" + HttpLib.urlEncodeQueryString(graph.getURI()));
        }

        /** PUTs one graph (null: the default graph). */
        void put(Node graph, List<Triple> triples) {
            Graph g = GraphFactory.createGraphMem();
            triples.forEach(g::add);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            RDFWriter.source(g).format(SENT.fileWriter()).output(body);
            byte[] bytes = body.toByteArray();
            String target = target(graph);
            // requestBuilderFor adds the authentication AuthLib settled on at an earlier 401 (Basic, or Digest with its
            // nonce counted), so that not every graph costs a challenge
            Supplier<HttpRequest.Builder> request = () -> HttpLib.requestBuilderFor(target).uri(URI.create(target))
                    .header(HttpNames.hContentType, SENT.contentType())
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
            send(request, Method.PUT, show(graph));
        }

        /**
         * POSTs an RDF Patch to the store's patch service (Fuseki's {@code fuseki:patch}), which applies it in one
         * transaction. A patch of additions and deletions of quads gives the same store when applied twice, so a try
         * that failed is sent again like a PUT.
         */
        void patch(URI service, byte[] patch, String what) {
            Supplier<HttpRequest.Builder> request = () -> HttpLib.requestBuilderFor(service.toString()).uri(service)
                    .header(HttpNames.hContentType, PATCH_TYPE).POST(HttpRequest.BodyPublishers.ofByteArray(patch));
            send(request, Method.PATCH, what);
        }

        /** DELETEs one graph; a store that has none is as good (404). */
        void delete(Node graph) {
            String target = target(graph);
            send(() -> HttpLib.requestBuilderFor(target).uri(URI.create(target)).DELETE(), Method.DELETE, show(graph));
        }

        /** The digest of the store's copy of a graph: of no triples when it has none (404). */
        GraphDigest get(Node graph) {
            String target = target(graph);
            Answer a = send(() -> HttpLib.requestBuilderFor(target).uri(URI.create(target)).header(HttpNames.hAccept, READ).GET(),
                    Method.GET, show(graph));
            if (a.status() == 404) return GraphDigest.empty();
            if (a.cut()) {
                throw new AikgException("the store's copy of " + show(graph) + " is larger than " + (GRAPH_BYTES >> 20) + " MiB: too large to "
                        + "check against what was sent; publish with --force to replace it unchecked");
            }
            Lang lang = a.contentType() == null ? null : RDFLanguages.contentTypeToLang(WebContent.contentTypeCanonical(a.contentType()));
            Graph held = GraphFactory.createGraphMem();
            try {
                RDFParser.source(new ByteArrayInputStream(a.body())).lang(lang == null ? Lang.NTRIPLES : lang)
                        .errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging).parse(held);
            } catch (RiotException e) {
                throw new AikgException("the store's copy of " + show(graph) + " (read back to check it is what aikg last sent) is not "
                        + (lang == null ? "N-Triples" : lang.getLabel()) + ": " + printable(String.valueOf(e.getMessage())), e);
            }
            return GraphDigest.of(held.find());
        }

        /** Sends a request until the store takes it, counting the {@link #retries}; the store's answer to the last try. */
        private Answer send(Supplier<HttpRequest.Builder> request, Method method, String graph) {
            Duration pause = firstPause;
            String last = null;
            boolean resent = false;
            for (int attempt = 1; ; attempt++) {
                long left = deadline - System.nanoTime();
                if (left <= 0) throw outOfTime(method, graph, attempt - 1, last);
                Duration thisTry = Duration.ofNanos(Math.min(timeout.toNanos(), left));
                Object outcome = tryOnce(request.get().timeout(thisTry).build(), thisTry, method, graph);
                if (outcome instanceof Answer a) {
                    retries += attempt - 1;
                    return a;
                }
                last = (String) outcome;
                if (last == CLOSED_BY_STORE) {
                    if (!resent) {
                        resent = true;
                        attempt--;  // sending a PUT, DELETE or GET (idempotent) again once is not a failed try, as HTTP clients do (RFC 9112 §9.3.1)
                        continue;
                    }
                    last = "connection failed: the store closed the connection without answering";
                }
                resent = false;
                if (attempt == attempts) {
                    throw new AikgException("could not " + method.verb + " " + graph + " " + method.preposition + " " + graphStore + " after "
                            + attempts + " tr" + (attempts == 1 ? "y" : "ies") + ": " + last);
                }
                if (System.nanoTime() + pause.toNanos() >= deadline) throw outOfTime(method, graph, attempt, last);
                onFailedTry.accept("try " + attempt + " of " + attempts + " for " + method.of(graph) + " failed (" + last + "); next try in "
                        + show(pause));
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AikgException("interrupted while publishing " + graph);
                }
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
        }

        /** One exchange, bounded by {@code thisTry} from start to the last byte: the {@link Answer} when it ended well, else what failed. */
        private Object tryOnce(HttpRequest request, Duration thisTry, Method method, String graph) {
            Answers answers = new Answers(method.keep);
            // with credentials, Jena's AuthLib sends the request and answers the store's 401 (Basic or Digest) once, with the
            // same request, its time limit copied, and our body handler: the answer that comes back is the store's last word
            CompletableFuture<HttpResponse<Body>> answer = credentials.isPresent() ? AuthLib.authExecuteAsync(http, request, answers)
                    : http.sendAsync(request, answers);
            HttpResponse<Body> r;
            try {
                r = answer.get(thisTry.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                answers.cancel();
                answer.cancel(true);
                return "no complete answer within " + show(thisTry);
            } catch (InterruptedException e) {
                answers.cancel();
                answer.cancel(true);
                Thread.currentThread().interrupt();
                throw new AikgException("interrupted while publishing " + graph);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                String message = message(c);
                if (c instanceof HttpConnectTimeoutException) return "cannot connect within " + show(thisTry);
                if (c instanceof HttpTimeoutException) return "no complete answer within " + show(thisTry);
                if (c instanceof ConnectException) {
                    return "cannot connect to " + graphStore.getHost() + (graphStore.getPort() < 0 ? "" : ":" + graphStore.getPort())
                            + (message.equals(c.getClass().getSimpleName()) ? "" : ": " + message);
                }
                // the JDK's client resends only GETs itself when a kept-alive connection turns out closed (Virtuoso closes them)
                if (c instanceof IOException && message.contains("received no bytes")) return CLOSED_BY_STORE;
                if (c instanceof IOException) return "connection failed: " + message;
                // AuthLib's refusals (a challenge it cannot parse or answer) are Jena's HttpException
                if (c instanceof HttpException) throw new AikgException(method.gerund + " " + graph + " failed: " + printable(message), c);
                if (c instanceof RuntimeException re) throw re;
                throw new AikgException(method.gerund + " " + graph + " failed: " + message, c);
            }
            int code = r.statusCode();
            Body body = r.body();
            if (method.done(code)) return new Answer(code, body.bytes(), body.cut(), r.headers().firstValue(HttpNames.hContentType).orElse(null));
            String text = new String(body.bytes(), StandardCharsets.UTF_8);
            String said = code + " " + printable(text.strip().lines().findFirst().orElse(reason(code)));
            if (code >= 300 && code < 400) {
                String to = r.headers().firstValue("Location").map(Run::printable).orElse("nowhere it said");
                throw new AikgException("the store redirected the " + method.name() + " of " + graph + " (" + code + ") to " + to
                        + ": aikg does not follow redirects when it " + (method == Method.GET ? "checks what it wrote" : "writes")
                        + "; give that URL if it is the store's");
            }
            if (code < 500) {
                throw new AikgException("the store refused " + method.of(graph) + ": " + said
                        + (code == 401 || code == 403 ? " (check the credentials" + unanswerable(r) + ")"
                        : code == 404 || code == 405 ? " (is " + graphStore + " a Graph Store URL that takes writes?)" : ""));
            }
            return "the store answered " + said;
        }
        /** What in a 401's Digest challenge Jena's client does not answer: it hashes with MD5 only, whatever the algorithm asked. */
        private String unanswerable(HttpResponse<?> r) {
            if (r.statusCode() != 401 || credentials.isEmpty()) return "";
            for (String value : r.headers().allValues("WWW-Authenticate")) {
                AuthChallenge c = AuthChallenge.parse(value);
                String algorithm = c == null || c.authParams == null ? null : c.authParams.get("algorithm");
                if (algorithm != null && !algorithm.equalsIgnoreCase("MD5")) {
                    return "; the store asks for Digest with " + printable(algorithm) + ", and aikg answers Digest with MD5 only";
                }
            }
            return "";
        }

        /** Text from the store, safe to print on a terminal: control characters escaped, at most 300 characters. */
        private static String printable(String text) {
            StringBuilder b = new StringBuilder();
            text.codePoints().limit(300).forEach(c -> {
                if (Character.isISOControl(c) || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                    b.append(String.format("\\u%04X", c));
                } else {
                    b.appendCodePoint(c);
                }
            });
            if (text.codePointCount(0, text.length()) > 300) b.append('…');
            return b.toString();
        }

        /** The first message along the causes: the JDK's ConnectException has none of its own. */
        private static String message(Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c.getMessage() != null && !c.getMessage().isBlank()) return c.getMessage();
            }
            return t.getClass().getSimpleName();
        }

        private AikgException outOfTime(Method method, String graph, int tries, String last) {
            return new AikgException("could not " + method.verb + " " + graph + " " + method.preposition + " " + graphStore + " within --max-time " + show(maxTime)
                    + (tries == 0 ? " (no time was left for a try)" : " (" + tries + " tr" + (tries == 1 ? "y" : "ies") + "; the last: " + last
                    + "; no time left for another)"));
        }
    }

    /** The first bytes of an answer, and whether there were more. */
    private record Body(byte[] bytes, boolean cut) {}

    /**
     * The body handler of one try: a {@link FirstBytes} for each answer (two when AuthLib answered a challenge), all
     * of them stopped when the try runs out of time. Cancelling the future AuthLib returns does not reach the JDK's
     * exchange beneath it (it is a {@code thenCompose} of it); cancelling the body's subscription does, and closes the connection.
     */
    private static final class Answers implements HttpResponse.BodyHandler<Body> {
        private final List<FirstBytes> bodies = new CopyOnWriteArrayList<>();
        private final int keep;
        private volatile boolean cancelled;

        Answers(int keep) {
            this.keep = keep;
        }

        @Override
        public HttpResponse.BodySubscriber<Body> apply(HttpResponse.ResponseInfo info) {
            FirstBytes b = new FirstBytes(keep);
            bodies.add(b);
            if (cancelled) b.cancel();
            return b;
        }

        void cancel() {
            cancelled = true;
            bodies.forEach(FirstBytes::cancel);
        }
    }

    /** Keeps the first {@code keep} bytes of an answer and reads past the rest, so that no answer fills the memory. */
    private static final class FirstBytes implements HttpResponse.BodySubscriber<Body> {
        private final CompletableFuture<Body> body = new CompletableFuture<>();
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final int keep;
        private boolean cut;
        private Flow.Subscription subscription;
        private boolean cancelled;

        FirstBytes(int keep) {
            this.keep = keep;
        }

        @Override
        public CompletionStage<Body> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            synchronized (this) {
                this.subscription = subscription;
                if (cancelled) {
                    subscription.cancel();
                    return;
                }
            }
            subscription.request(Long.MAX_VALUE);
        }

        /** Stops reading: the JDK's client closes the connection. */
        synchronized void cancel() {
            cancelled = true;
            if (subscription != null) subscription.cancel();
            body.cancel(false);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                int n = Math.min(b.remaining(), keep - kept.size());
                if (n < b.remaining()) cut = true;
                if (n <= 0) continue;
                byte[] part = new byte[n];
                b.get(part);
                kept.write(part, 0, n);
            }
        }

        @Override
        public void onError(Throwable t) {
            body.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            body.complete(new Body(kept.toByteArray(), cut));
        }
    }

    /** A duration as people say it: "500 ms", "30 s", "1.5 s", "2 min". */
    static String show(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) return ms + " ms";
        if (ms % 60_000 == 0) return ms / 60_000 + " min";
        return String.format(Locale.ROOT, ms % 1000 == 0 ? "%.0f s" : "%.1f s", ms / 1000.0);
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
        // a FIFO would wait for a writer for ever, a device (/dev/zero) would never end: only a small regular file is read
        if (!Files.isRegularFile(file)) {
            throw new UsageException("the credentials file " + file + " is not a regular file" + (Files.exists(file) ? "" : " (it does not exist)"));
        }
        try {
            if (Files.size(file) > MAX_CREDENTIALS) {
                throw new UsageException("the credentials file " + file + " is larger than " + MAX_CREDENTIALS + " bytes; it holds one line, user:password");
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String line = lines.isEmpty() ? "" : lines.get(0).strip();
            int colon = line.indexOf(':');
            if (colon <= 0) throw new UsageException(file + ": expected \"user:password\" on the first line");
            return new Credentials(line.substring(0, colon), line.substring(colon + 1));
        } catch (IOException e) {
            throw new UsageException("cannot read the credentials file " + file + ": " + e.getMessage());
        }
    }

    /** The largest credentials file read. */
    static final long MAX_CREDENTIALS = 64 * 1024;

    /** Credentials from AIKG_PUBLISH_USER and AIKG_PUBLISH_PASSWORD, when both are set. */
    public static Optional<Credentials> credentialsFromEnvironment(Map<String, String> env) {
        String user = env.get("AIKG_PUBLISH_USER");
        String password = env.get("AIKG_PUBLISH_PASSWORD");
        if (user == null && password == null) return Optional.empty();
        if (user == null || password == null) throw new UsageException("set both AIKG_PUBLISH_USER and AIKG_PUBLISH_PASSWORD, or neither");
        return Optional.of(new Credentials(user, password));
    }
}
