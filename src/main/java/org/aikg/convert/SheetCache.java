package org.aikg.convert;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
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
    private static final String FORMAT = "aikg-sheet-cache 4";

    /**
     * What one sheet was made from and what it gave; the stamps of the sheet and its text when they
     * were hashed (null when they had changed too recently to be trusted, see {@link FileStamp}).
     */
    record Entry(String sheet, String sheetHash, FileStamp sheetStamp, String textLexical, String textReal, String textHash,
            FileStamp textStamp, String key, String id, int line, int column, long triples, List<SharedFacts.Said> said) {
        Entry stamped(FileStamp sheetNow, FileStamp textNow) {
            return new Entry(sheet, sheetHash, sheetNow, textLexical, textReal, textHash, textNow, key, id, line, column, triples, said);
        }
    }

    private final Path folder;
    private final String context;
    /** The manifest as last written whole, and the entries written since (a run that changed few sheets appends only those). */
    private final Map<String, Entry> base;
    private final Map<String, Entry> delta;
    private final Map<String, Entry> now = new ConcurrentHashMap<>();
    /** The sheets of this run whose entry is not the base's: converted now, or taken from the delta. */
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private final boolean existed;

    SheetCache(Path folder, Path descriptor) {
        this.folder = folder;
        this.existed = Files.isDirectory(folder);
        this.context = hash(FORMAT, bytes(descriptor), ontology(), build());
        this.base = readManifest(folder.resolve("manifest"));
        this.delta = base.isEmpty() ? Map.of() : readManifest(folder.resolve("manifest.delta"));
    }

    /**
     * The kept result of {@code sheet}, or null when it must be converted (new, changed, or made in
     * another context). The sheet and its text are hashed unless both still have the stamps recorded
     * when they were last hashed.
     */
    Entry lookup(Path sheet) {
        Entry e = delta.get(sheet.toString());
        boolean fromDelta = e != null;
        if (e == null) e = base.get(sheet.toString());
        if (e == null) return null;
        long time = FileStamp.now();
        FileStamp sheetNow = FileStamp.of(sheet);
        Path lexical = Path.of(e.textLexical());
        FileStamp textNow = FileStamp.of(lexical);
        if (sheetNow == null || !sheetNow.equals(e.sheetStamp()) || textNow == null || !textNow.equals(e.textStamp())) {
            String sheetHash = hash(bytes(sheet));
            if (!sheetHash.equals(e.sheetHash())) return null;
            try {
                if (!lexical.toRealPath().toString().equals(e.textReal())) return null;
                if (!hash(bytes(Path.of(e.textReal()))).equals(e.textHash())) return null;
            } catch (IOException | UncheckedIOException x) {
                return null;
            }
            // the same bytes (touched, copied back, or changed too recently before): record the stamps they have now
            Entry restamped = e.stamped(settled(sheetNow, time), settled(textNow, time));
            if (!restamped.equals(e)) {
                e = restamped;
                fromDelta = true;
            }
        }
        if (!Files.isRegularFile(graphFile(e.key()))) return null;
        now.put(e.sheet(), e);
        if (fromDelta) changed.add(e.sheet());
        return e;
    }

    private static FileStamp settled(FileStamp stamp, long time) {
        return stamp == null ? null : stamp.settled(time);
    }

    /**
     * Keeps the graph of a sheet just converted, whose reading began at {@code began} ({@link
     * FileStamp#now}) with the sheet's stamp {@code before}; returns its key, or null when the sheet
     * or its text changed while it was converted (the bytes hashed now might not be the bytes read,
     * so nothing is kept and the next run converts it again).
     */
    String keep(Path sheet, long began, FileStamp before, FactSheet s, List<Triple> triples, List<SharedFacts.Said> said) {
        FileStamp sheetNow = FileStamp.of(sheet);
        byte[] sheetBytes = bytes(sheet);
        FileStamp sheetAfter = FileStamp.of(sheet);
        Path lexical = real(sheet).getParent().resolve(s.article().textFile()).normalize();
        FileStamp textNow = FileStamp.of(lexical);
        Path textReal = real(lexical);
        String textHash = hash(bytes(textReal));
        FileStamp textAfter = FileStamp.of(lexical);
        boolean stamped = before != null && sheetNow != null && textNow != null;  // else (no stamps here) kept as hashed
        if (stamped && (!before.equals(sheetNow) || !before.equals(sheetAfter) || textNow.changedAfter(began) || !textNow.equals(textAfter))) {
            return null;
        }
        FileStamp sheetStamp = settled(sheetNow, began);
        FileStamp textStamp = settled(textNow, began);
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
        Entry e = new Entry(sheet.toString(), sheetHash, sheetStamp, lexical.toString(), textReal.toString(), textHash, textStamp, key,
                s.article().id(), at.line(), at.column(), triples.size(), said);
        now.put(e.sheet(), e);
        changed.add(e.sheet());
        return key;
    }

    /** How many things the sheets of the manifest say of shared things, all told. */
    int said() {
        long n = 0;
        for (Entry e : base.values()) n += e.said().size();
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    /** True when the graph of {@code key} is kept here. */
    boolean keeps(String key) {
        return Files.isRegularFile(graphFile(key));
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

    /**
     * Records this run's sheets. When they are the sheets of the manifest and few of them changed,
     * only the changed entries are written (the delta, read over the manifest); otherwise the
     * manifest is written whole, and graphs no sheet uses any more are removed.
     */
    void save() {
        try {
            Files.createDirectories(folder);
            boolean sameSheets = base.keySet().equals(now.keySet());
            if (sameSheets && changed.size() <= Math.max(32, now.size() / 10)) {
                List<Entry> entries = new ArrayList<>();
                for (String sheet : changed) entries.add(now.get(sheet));
                writeManifest(folder.resolve("manifest.delta"), entries);
                return;
            }
            writeManifest(folder.resolve("manifest"), new ArrayList<>(now.values()));
            Files.deleteIfExists(folder.resolve("manifest.delta"));
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

    private void writeManifest(Path file, List<Entry> entries) throws IOException {
        Path tmp = Files.createTempFile(folder, ".manifest-", ".part");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20))) {
            byte[] c = context.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(c.length);
            out.write(c);
            entries.sort((a, b) -> a.sheet().compareTo(b.sheet()));
            out.writeInt(entries.size());
            Strings strings = new Strings();
            for (Entry e : entries) write(out, e, strings);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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

    private Map<String, Entry> readManifest(Path manifest) {
        Map<String, Entry> m = new HashMap<>();
        try {
            // read whole and parsed from memory: a manifest of thousands of sheets is read on every run
            ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(manifest));
            byte[] c = new byte[length(in)];
            in.get(c);
            if (!new String(c, java.nio.charset.StandardCharsets.UTF_8).equals(context)) return Map.of();
            int n = length(in);
            List<String> strings = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Entry e = read(in, strings);
                m.put(e.sheet(), e);
            }
            if (in.hasRemaining()) return Map.of();
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException | RuntimeException e) {
            return Map.of();  // an unreadable manifest is a cold cache: every sheet is converted again
        }
        return m;
    }

    /**
     * The strings of a manifest, each written once: the names, values and places that sheets share
     * (a country's name, the sheet's own path) would otherwise fill most of it.
     */
    private static final class Strings {
        private final Map<String, Integer> ids = new HashMap<>();

        void write(DataOutputStream out, String s) throws IOException {
            Integer id = ids.get(s);
            if (id != null) {
                out.writeInt(id);
                return;
            }
            ids.put(s, ids.size());
            out.writeInt(-1);
            byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }

        static String read(ByteBuffer in, List<String> strings) {
            int id = in.getInt();
            if (id >= 0) return strings.get(id);
            int length = length(in);
            String s = new String(in.array(), in.arrayOffset() + in.position(), length, java.nio.charset.StandardCharsets.UTF_8);
            in.position(in.position() + length);
            strings.add(s);
            return s;
        }
    }

    private static void write(DataOutputStream out, Entry e, Strings strings) throws IOException {
        for (String s : List.of(e.sheet(), e.sheetHash(), e.textLexical(), e.textReal(), e.textHash(), e.key(), e.id())) strings.write(out, s);
        FileStamp.write(out, e.sheetStamp());
        FileStamp.write(out, e.textStamp());
        out.writeInt(e.line());
        out.writeInt(e.column());
        out.writeLong(e.triples());
        out.writeInt(e.said().size());
        for (SharedFacts.Said s : e.said()) {
            strings.write(out, s.key());
            strings.write(out, s.value());
            out.writeBoolean(s.at() != null);
            if (s.at() != null) {
                strings.write(out, s.at().file().toString());
                out.writeInt(s.at().line());
                out.writeInt(s.at().column());
            }
            out.writeBoolean(s.once());
        }
    }

    /** A length or a count read from a manifest: never more than the bytes left (a damaged manifest is a cold cache, not a huge allocation). */
    private static int length(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) throw new IllegalStateException("damaged manifest: " + n + " at byte " + in.position());
        return n;
    }

    private static Entry read(ByteBuffer in, List<String> strings) {
        String sheet = Strings.read(in, strings);
        String sheetHash = Strings.read(in, strings);
        String lexical = Strings.read(in, strings);
        String real = Strings.read(in, strings);
        String textHash = Strings.read(in, strings);
        String key = Strings.read(in, strings);
        String id = Strings.read(in, strings);
        FileStamp sheetStamp = FileStamp.read(in);
        FileStamp textStamp = FileStamp.read(in);
        int line = in.getInt();
        int column = in.getInt();
        long triples = in.getLong();
        int n = length(in);
        List<SharedFacts.Said> said = new ArrayList<>(n);
        Map<String, Path> paths = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String k = Strings.read(in, strings);
            String value = Strings.read(in, strings);
            Location at = null;
            if (in.get() != 0) {
                String file = Strings.read(in, strings);
                at = Location.of(paths.computeIfAbsent(file, Path::of), in.getInt(), in.getInt());
            }
            said.add(new SharedFacts.Said(k, value, at, in.get() != 0));
        }
        return new Entry(sheet, sheetHash, sheetStamp, lexical, real, textHash, textStamp, key, id, line, column, triples,
                java.util.Collections.unmodifiableList(said));
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
