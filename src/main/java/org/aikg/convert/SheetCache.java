package org.aikg.convert;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.aikg.AikgException;
import org.aikg.DataException.Location;
import org.aikg.source.FactSheet;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFWriter;

/**
 * Each sheet's converted graph, kept in a folder under a hash of everything it was made from: the
 * sheet's bytes, its text's bytes, and the run's context (the dataset descriptor's bytes, the
 * bundled ontology, aikg's build). The manifest also records, by the sheet's path, where its text
 * lay (its real path must be the same for the entry to be used) and what the sheet says of shared
 * things, with their places. A sheet whose hash is unchanged is not
 * read again; a changed descriptor, ontology or build changes every hash. The folder holds a
 * manifest (sheet → what it was made from and what it says) and one RDF Thrift file per graph.
 */
final class SheetCache {
    /** Bumped whenever what is kept, or how a sheet becomes triples, changes meaning. */
    private static final String FORMAT = "aikg-sheet-cache 1";

    /** What one sheet was made from and what it gave. */
    record Entry(String sheet, String sheetHash, String textLexical, String textReal, String textHash, String key, String id,
            int line, int column, long triples, List<SharedFacts.Said> said) {}

    private final Path folder;
    private final String context;
    private final Map<String, Entry> before;
    private final Map<String, Entry> now = new ConcurrentHashMap<>();
    private final boolean existed;

    SheetCache(Path folder, Path descriptor) {
        this.folder = folder;
        this.existed = Files.isDirectory(folder);
        this.context = hash(FORMAT, bytes(descriptor), ontology(), build());
        this.before = readManifest();
    }

    /** The kept result of {@code sheet}, or null when it must be converted (new, changed, or made in another context). */
    Entry lookup(Path sheet) {
        Entry e = before.get(sheet.toString());
        if (e == null) return null;
        String sheetHash = hash(bytes(sheet));
        if (!sheetHash.equals(e.sheetHash())) return null;
        try {
            Path lexical = Path.of(e.textLexical());
            if (!lexical.toRealPath().toString().equals(e.textReal())) return null;
            if (!hash(bytes(Path.of(e.textReal()))).equals(e.textHash())) return null;
        } catch (IOException | UncheckedIOException x) {
            return null;
        }
        if (!Files.isRegularFile(graphFile(e.key()))) return null;
        now.put(e.sheet(), e);
        return e;
    }

    /** Keeps the graph of a sheet just converted; returns its key. */
    String keep(Path sheet, FactSheet s, List<Triple> triples, List<SharedFacts.Said> said) {
        byte[] sheetBytes = bytes(sheet);
        Path lexical = real(sheet).getParent().resolve(s.article().textFile()).normalize();
        Path textReal = real(lexical);
        String textHash = hash(bytes(textReal));
        String sheetHash = hash(sheetBytes);
        // the graph depends on the sheet's and the text's bytes and the context, not on where they lie: a moved folder keeps its keys
        String key = hash(context, sheetHash.getBytes(), textHash.getBytes());
        Path file = graphFile(key);
        if (!Files.isRegularFile(file)) {
            try {
                Files.createDirectories(file.getParent());
                Path tmp = Files.createTempFile(file.getParent(), ".graph-", ".part");
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                    StreamRDF w = StreamRDFWriter.getWriterStream(out, RDFFormat.RDF_THRIFT_VALUES);
                    w.start();
                    triples.forEach(w::triple);
                    w.finish();
                }
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write to the cache " + folder + ": " + e.getMessage(), e);
            }
        }
        Location at = s.article().at();
        Entry e = new Entry(sheet.toString(), sheetHash, lexical.toString(), textReal.toString(), textHash, key, s.article().id(),
                at.line(), at.column(), triples.size(), said);
        now.put(e.sheet(), e);
        return key;
    }

    /** The triples kept for {@code key}, in the order they were kept (sorted). */
    List<Triple> triples(String key, long size) {
        List<Triple> out = new ArrayList<>((int) Math.min(size, 1 << 20));
        StreamRDF into = new StreamRDFBase() {
            @Override
            public void triple(Triple t) {
                out.add(t);
            }
        };
        try {
            RDFParser.source(graphFile(key)).lang(RDFLanguages.RDFTHRIFT).parse(into);
        } catch (RuntimeException e) {
            throw new AikgException("the cache " + folder + " is damaged (" + e.getMessage() + "); remove it and run again", e);
        }
        return out;
    }

    /** Writes the manifest of this run's sheets and removes graphs no sheet of it uses. */
    void save() {
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, ".manifest-", ".part");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                out.writeUTF(context);
                List<Entry> entries = new ArrayList<>(now.values());
                entries.sort((a, b) -> a.sheet().compareTo(b.sheet()));
                out.writeInt(entries.size());
                for (Entry e : entries) write(out, e);
            }
            Files.move(tmp, folder.resolve("manifest"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Set<String> used = new java.util.HashSet<>();
            now.values().forEach(e -> used.add(e.key()));
            Path graphs = folder.resolve("graphs");
            if (Files.isDirectory(graphs)) {
                try (var files = Files.list(graphs)) {
                    for (Path p : files.toList()) {
                        if (!used.contains(p.getFileName().toString().replace(".rt", ""))) Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the cache " + folder + ": " + e.getMessage(), e);
        }
    }

    /** After a failed run: a cache this run made is removed (a failed run leaves nothing behind); an older one keeps its manifest. */
    void discard() {
        if (existed || !Files.isDirectory(folder)) return;
        try (var all = Files.walk(folder)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException | UncheckedIOException e) {
            // best effort: a cache left behind is only unused
        }
    }

    private Path graphFile(String key) {
        return folder.resolve("graphs").resolve(key + ".rt");
    }

    private Map<String, Entry> readManifest() {
        Path manifest = folder.resolve("manifest");
        Map<String, Entry> m = new HashMap<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(manifest), 1 << 16))) {
            if (!in.readUTF().equals(context)) return Map.of();
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                Entry e = read(in);
                m.put(e.sheet(), e);
            }
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException | RuntimeException e) {
            return Map.of();  // an unreadable manifest is a cold cache: every sheet is converted again
        }
        return m;
    }

    private static void write(DataOutputStream out, Entry e) throws IOException {
        out.writeUTF(e.sheet());
        out.writeUTF(e.sheetHash());
        out.writeUTF(e.textLexical());
        out.writeUTF(e.textReal());
        out.writeUTF(e.textHash());
        out.writeUTF(e.key());
        out.writeUTF(e.id());
        out.writeInt(e.line());
        out.writeInt(e.column());
        out.writeLong(e.triples());
        out.writeInt(e.said().size());
        for (SharedFacts.Said s : e.said()) {
            out.writeUTF(s.key());
            out.writeUTF(s.what());
            writeLong(out, s.value());
            out.writeBoolean(s.at() != null);
            if (s.at() != null) {
                out.writeUTF(s.at().file().toString());
                out.writeInt(s.at().line());
                out.writeInt(s.at().column());
            }
            out.writeBoolean(s.once());
        }
    }

    private static Entry read(DataInputStream in) throws IOException {
        String sheet = in.readUTF();
        String sheetHash = in.readUTF();
        String lexical = in.readUTF();
        String real = in.readUTF();
        String textHash = in.readUTF();
        String key = in.readUTF();
        String id = in.readUTF();
        int line = in.readInt();
        int column = in.readInt();
        long triples = in.readLong();
        int n = in.readInt();
        List<SharedFacts.Said> said = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String k = in.readUTF();
            String what = in.readUTF();
            String value = readLong(in);
            Location at = in.readBoolean() ? Location.of(Path.of(in.readUTF()), in.readInt(), in.readInt()) : null;
            said.add(new SharedFacts.Said(k, what, value, at, in.readBoolean()));
        }
        return new Entry(sheet, sheetHash, lexical, real, textHash, key, id, line, column, triples, List.copyOf(said));
    }

    /** A value may pass writeUTF's 64 KiB (a long name): written as length and bytes. */
    private static void writeLong(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readLong(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] ontology() {
        try (InputStream in = SheetCache.class.getResourceAsStream("/org/aikg/ontology/aikg.ttl")) {
            if (in == null) throw new IllegalStateException("the ontology is missing from the build");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** aikg's build: its version and, for a jar, the jar's size and time, so a rebuilt jar starts a new cache. */
    private static byte[] build() {
        String version = String.valueOf(SheetCache.class.getPackage().getImplementationVersion());
        String where = "";
        try {
            var source = SheetCache.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                Path p = Path.of(source.getLocation().toURI());
                if (Files.isRegularFile(p)) where = Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis();
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            where = "unknown";
        }
        return (version + " " + where).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static String hash(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                md.update(Integer.toString(p.length).getBytes());
                md.update((byte) 0);
                md.update(p);
            }
            return HexFormat.of().formatHex(md.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hash(String s, byte[]... more) {
        byte[][] all = new byte[more.length + 1][];
        all[0] = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        System.arraycopy(more, 0, all, 1, more.length);
        return hash(all);
    }
}
