package org.aikg.store;

import java.io.IOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aikg.AikgException;
import org.aikg.AtomicFile;
import org.aikg.UsageException;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIs;
import org.apache.jena.sparql.core.Quad;

/**
 * What was last sent to one Graph Store: for each graph (its IRI, or {@link Quad#defaultGraphIRI} for the store's
 * default graph) the {@link GraphDigest} of what the store took. Kept in a folder the user names, one file a store,
 * named by a hash of the store's URL (which holds no credentials: {@link Publisher#to} refuses them), so that two
 * stores never share one and the data's folder, which may be read-only, is never written. A text file, one graph a
 * line, sorted:
 * <pre>
 * # aikg publish: what was last sent to the Graph Store below (…)
 * store	http://localhost:3030/ds
 * 3f2a…(64 hex)	40	https://w3id.org/ai-industry-kg/graph/acme-2024
 * 9c1e…(64 hex)	12	default
 * </pre>
 */
record PublishRecord(URI store, Map<Node, GraphDigest> graphs) {
    private static final String HEADER = "# aikg publish: what was last sent to the Graph Store below, one graph a line: the SHA-256 of its "
            + "triples (sorted N-Triples lines, literals in canonical form), its number of triples, its name. aikg sends only the graphs "
            + "whose hash changed, and first checks that the store still holds what this file says. Remove the file to publish everything again.";
    private static final String STORE = "store";
    private static final String DEFAULT = "default";
    /** A record of a hundred thousand graphs is about 15 MB; anything far larger is not one. */
    private static final long MAX_BYTES = 256L * 1024 * 1024;

    PublishRecord {
        graphs = Collections.unmodifiableMap(new LinkedHashMap<>(graphs));
        for (Node g : graphs.keySet()) {
            if (!g.isURI()) throw new IllegalArgumentException("a graph of the record is not an IRI: " + g);
        }
    }

    /** The file of {@code store}'s record in {@code folder}. */
    static Path file(Path folder, URI store) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(store.toString().getBytes(StandardCharsets.UTF_8));
            return folder.resolve("store-" + java.util.HexFormat.of().formatHex(h, 0, 16) + ".txt");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The record of {@code store} in {@code folder}: empty when there is none yet. */
    static PublishRecord read(Path folder, URI store) {
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(folder)) {
            throw new UsageException("--state " + folder + " is not a folder");
        }
        Path file = file(folder, store);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return new PublishRecord(store, Map.of());
        // a FIFO would wait for ever for a writer, a device never end: only a regular file is read
        if (!Files.isRegularFile(file)) throw new AikgException("the publish record " + file + " is not a regular file; remove it to publish everything again");
        List<String> lines;
        try {
            if (Files.size(file) > MAX_BYTES) throw bad(file, 0, "larger than " + MAX_BYTES + " bytes");
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AikgException("cannot read the publish record " + file + ": " + e.getMessage(), e);
        }
        Map<Node, GraphDigest> graphs = new LinkedHashMap<>();
        boolean storeSeen = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int n = i + 1;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            if (f[0].equals(STORE) && f.length == 2) {
                if (!f[1].equals(store.toString())) {
                    throw bad(file, n, "it is the record of " + f[1] + ", not of " + store);
                }
                storeSeen = true;
                continue;
            }
            if (f.length != 3) throw bad(file, n, "expected \"SHA-256<tab>TRIPLES<tab>GRAPH\" or \"store<tab>URL\"");
            Node graph;
            if (f[2].equals(DEFAULT)) {
                graph = Quad.defaultGraphIRI;
            } else if (IRIs.check(f[2])) {
                graph = NodeFactory.createURI(f[2]);
            } else {
                throw bad(file, n, "the graph \"" + f[2] + "\" is not an IRI");
            }
            GraphDigest d;
            try {
                d = new GraphDigest(f[0], Long.parseLong(f[1]));
            } catch (IllegalArgumentException e) {
                throw bad(file, n, e.getMessage());
            }
            if (graphs.put(graph, d) != null) throw bad(file, n, "the graph " + f[2] + " is there twice");
        }
        if (!storeSeen) throw bad(file, 0, "it names no store (a line \"store<tab>URL\")");
        return new PublishRecord(store, graphs);
    }

    private static AikgException bad(Path file, int line, String what) {
        return new AikgException(file + (line > 0 ? ":" + line : "") + ": not a publish record aikg wrote: " + what
                + "; remove it to publish everything again");
    }

    /** Replaces the record's file in {@code folder}, whole or not at all. */
    void write(Path folder) throws IOException {
        Map<String, GraphDigest> sorted = new TreeMap<>(Comparator.naturalOrder());
        graphs.forEach((g, d) -> sorted.put(g.equals(Quad.defaultGraphIRI) ? DEFAULT : g.getURI(), d));
        AtomicFile.write(file(folder, store), out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(HEADER + "\n" + STORE + "\t" + store + "\n");
            for (Map.Entry<String, GraphDigest> e : sorted.entrySet()) {
                w.write(e.getValue().sha256() + "\t" + e.getValue().triples() + "\t" + e.getKey() + "\n");
            }
            w.flush();
        });
    }
}
