package org.aikg.convert;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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
 *
 * <p>The cache is checked, never trusted. The folder must be a real folder ({@link CacheFolder}: a
 * symbolic link or a special file at its path is refused, exit 2, and nothing is followed inside it).
 * The manifest records the SHA-256 of each graph file's bytes and its number of triples; a graph is
 * read only when it is a regular file, and used only when its bytes have that hash and give that many
 * triples. A graph that fails (swapped, edited, cut short, missing, a link, a FIFO, a folder) is
 * converted again from its sheet and kept anew, with a note ({@link #notes}); a manifest or a folder
 * of graphs that is not what convert made is not read, and every sheet is converted again.
 */
final class SheetCache {
    /** Bumped whenever what is kept, or how a sheet becomes triples, changes meaning. */
    private static final String FORMAT = "aikg-sheet-cache 5";

    /**
     * What one sheet was made from and what it gave; the stamps of the sheet and its text when they
     * were hashed (null when they had changed too recently to be trusted, see {@link FileStamp}).
     */
    record Entry(String sheet, String sheetHash, FileStamp sheetStamp, String textLexical, String textReal, String textHash,
            FileStamp textStamp, String key, String graphHash, String id, int line, int column, long triples, List<SharedFacts.Said> said) {
        Entry {
            // the key names a file in the folder of graphs: nothing but a hash may, or a damaged manifest could name any file
            if (!key.matches("[0-9a-f]{32}")) throw new IllegalArgumentException("not a key: \"" + key + "\" (for " + sheet + ")");
            if (!graphHash.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("not a SHA-256: \"" + graphHash + "\" (for " + sheet + ")");
            if (triples < 0) throw new IllegalArgumentException("a negative number of triples: " + triples + " (for " + sheet + ")");
        }

        Entry stamped(FileStamp sheetNow, FileStamp textNow) {
            return new Entry(sheet, sheetHash, sheetNow, textLexical, textReal, textHash, textNow, key, graphHash, id, line, column, triples, said);
        }
    }

    private final CacheFolder folder;
    private final Path graphs;
    private final String context;
    /** The manifest as last written whole, and the entries written since (a run that changed few sheets appends only those). */
    private final Map<String, Entry> base;
    private final Map<String, Entry> delta;
    private final Map<String, Entry> now = new ConcurrentHashMap<>();
    /** The sheets of this run whose entry is not the base's: converted now, or taken from the delta. */
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    /** The entries of the manifest and the delta by key: what an old version of a graph was, to check it before it is used. */
    private final Map<String, Entry> byKey = new HashMap<>();
    private final boolean existed;
    /** What this run found wrong in the cache and did about it, for the user. */
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    /** How many sheets taken from the cache were converted again because their graph failed its check. */
    private final AtomicInteger rebuilt = new AtomicInteger();

    /** The cache in {@code folder}; {@link org.aikg.UsageException} when a link or a special file is there. */
    SheetCache(Path folder, Path descriptor) {
        this.folder = new CacheFolder(folder);
        this.graphs = this.folder.path().resolve("graphs");
        this.existed = this.folder.exists();
        this.context = hash(FORMAT, bytes(descriptor), ontology(), build());
        this.base = graphsUsable() ? readManifest("manifest", "every sheet was converted again") : Map.of();
        this.delta = base.isEmpty() ? Map.of() : readManifest("manifest.delta", "the sheets it recorded were converted again");
        base.values().forEach(e -> byKey.put(e.key(), e));
        delta.values().forEach(e -> byKey.put(e.key(), e));
    }

    CacheFolder folder() {
        return folder;
    }

    /** The notes of this run, sorted: each thing found wrong in the cache, and what was done instead. */
    List<String> notes() {
        synchronized (notes) {
            return notes.stream().sorted().toList();
        }
    }

    /** How many sheets of this run came from the manifest but were converted again, their graph having failed its check. */
    int rebuilt() {
        return rebuilt.get();
    }

    /** False, with a note, when the folder of graphs is not absent or a real folder: nothing in it is read, it is replaced. */
    private boolean graphsUsable() {
        String wrong = CacheFolder.notAFolder(graphs);
        if (wrong == null) return true;
        notes.add("the cache's folder " + graphs + " " + wrong + ", not a folder convert made; every sheet was converted again");
        return false;
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
            // a sheet or a text that is no longer a regular file (a FIFO would block the read) is read again by the converter, which says why
            byte[] sheetBytes = dataBytes(sheet);
            if (sheetBytes == null || !hash(sheetBytes).equals(e.sheetHash())) return null;
            try {
                if (!lexical.toRealPath().toString().equals(e.textReal())) return null;
                byte[] text = dataBytes(Path.of(e.textReal()));
                if (text == null || !hash(text).equals(e.textHash())) return null;
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
        String wrong = CacheFolder.notAFile(graphFile(e.key()));
        if (wrong != null) {
            noteConvertedAgain(e, wrong);
            return null;
        }
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
        byte[] sheetBytes = dataBytes(sheet);
        FileStamp sheetAfter = FileStamp.of(sheet);
        Path lexical = real(sheet).getParent().resolve(s.article().textFile()).normalize();
        FileStamp textNow = FileStamp.of(lexical);
        Path textReal = real(lexical);
        byte[] text = dataBytes(textReal);
        FileStamp textAfter = FileStamp.of(lexical);
        if (sheetBytes == null || text == null) return null;  // no longer regular files: not what was converted
        String textHash = hash(text);
        boolean stamped = before != null && sheetNow != null && textNow != null;  // else (no stamps here) kept as hashed
        if (stamped && (!before.equals(sheetNow) || !before.equals(sheetAfter) || textNow.changedAfter(began) || !textNow.equals(textAfter))) {
            return null;
        }
        FileStamp sheetStamp = settled(sheetNow, began);
        FileStamp textStamp = settled(textNow, began);
        String sheetHash = hash(sheetBytes);
        // the graph depends on the sheet's and the text's bytes and the context, not on where they lie: a moved folder keeps its keys
        String key = hash(context, sheetHash.getBytes(), textHash.getBytes());
        // written even when a file of this key is there: it may be what failed its check
        String graphHash = writeGraph(key, triples);
        Location at = s.article().at();
        Entry e = new Entry(sheet.toString(), sheetHash, sheetStamp, lexical.toString(), textReal.toString(), textHash, textStamp, key,
                graphHash, s.article().id(), at.line(), at.column(), triples.size(), said);
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

    /** Writes the graph of {@code key}; returns the SHA-256 of the bytes written. */
    private String writeGraph(String key, List<Triple> triples) {
        folder.folder("graphs");
        MessageDigest sha = sha256();
        folder.write(graphFile(key), out -> {
            OutputStream digested = new DigestOutputStream(new BufferedOutputStream(out, 1 << 16), sha);
            StreamRDF w = StreamRDFWriter.getWriterStream(digested, RDFFormat.RDF_THRIFT_VALUES);
            w.start();
            triples.forEach(w::triple);
            w.finish();
            digested.flush();
        });
        return HexFormat.of().formatHex(sha.digest());
    }

    /** True when the graph of {@code key} is kept here (a regular file; its bytes are checked when it is read). */
    boolean keeps(String key) {
        return CacheFolder.notAFile(graphFile(key)) == null;
    }

    /**
     * The triples kept for the sheet of {@code e}, in the order they were kept (sorted), when its graph
     * file has the hash and the number of triples the entry records; else null, and a note says why.
     */
    List<Triple> triples(Entry e) {
        Checked c = check(graphFile(e.key()), e);
        if (c.fault() == null) return c.triples();
        rebuilt.incrementAndGet();
        noteConvertedAgain(e, c.fault());
        return null;
    }

    /** The triples the last run kept under {@code key} (an old version of a graph), checked as {@link #triples(Entry)} does; else null. */
    List<Triple> triplesOf(String key) {
        Entry e = byKey.get(key);
        return e == null ? null : check(graphFile(key), e).triples();
    }

    /** A graph file read and checked: its triples, or what is wrong with it. */
    private record Checked(List<Triple> triples, String fault) {
        static Checked fault(String fault) {
            return new Checked(null, fault);
        }
    }

    private static Checked check(Path file, Entry e) {
        String wrong = CacheFolder.notAFile(file);
        byte[] bytes = wrong == null ? CacheFolder.read(file) : null;
        if (bytes == null) return Checked.fault(wrong == null ? "is missing" : wrong);
        if (!HexFormat.of().formatHex(sha256().digest(bytes)).equals(e.graphHash())) {
            return Checked.fault("does not match the hash its manifest records");
        }
        List<Triple> out = new ArrayList<>((int) Math.min(e.triples(), 1 << 20));
        try {
            RDFParser.source(new ByteArrayInputStream(bytes)).lang(RDFLanguages.RDFTHRIFT).parse(new StreamRDFBase() {
                @Override
                public void triple(Triple t) {
                    out.add(t);
                }
            });
        } catch (RuntimeException x) {
            return Checked.fault("cannot be read (" + x.getMessage() + ")");
        }
        if (out.size() != e.triples()) return Checked.fault("holds " + out.size() + " triples, not the " + e.triples() + " its manifest records");
        return new Checked(out, null);
    }

    private void noteConvertedAgain(Entry e, String wrong) {
        notes.add("the cache's graph of " + e.sheet() + " (" + graphFile(e.key()) + ") " + wrong + "; the sheet was converted again");
    }

    /**
     * Records this run's sheets. When they are the sheets of the manifest and few of them changed,
     * only the changed entries are written (the delta, read over the manifest); otherwise the
     * manifest is written whole, and graphs no sheet uses any more are removed.
     */
    void save() {
        Path dir = folder.folder(null);
        boolean sameSheets = base.keySet().equals(now.keySet());
        if (sameSheets && changed.size() <= Math.max(32, now.size() / 10)) {
            List<Entry> entries = new ArrayList<>();
            for (String sheet : changed) entries.add(now.get(sheet));
            writeManifest(dir.resolve("manifest.delta"), entries);
            return;
        }
        writeManifest(dir.resolve("manifest"), new ArrayList<>(now.values()));
        CacheFolder.remove(dir.resolve("manifest.delta"));
        Set<String> used = new HashSet<>();
        now.values().forEach(e -> used.add(e.key() + ".rt"));
        if (!Files.isDirectory(graphs, LinkOption.NOFOLLOW_LINKS)) return;
        try (var files = Files.list(graphs)) {
            for (Path p : files.toList()) {
                if (!used.contains(p.getFileName().toString())) CacheFolder.remove(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the cache " + folder.path() + ": " + e.getMessage(), e);
        }
    }

    private void writeManifest(Path file, List<Entry> entries) {
        folder.write(file, os -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 20));
            byte[] c = context.getBytes(StandardCharsets.UTF_8);
            out.writeInt(c.length);
            out.write(c);
            entries.sort((a, b) -> a.sheet().compareTo(b.sheet()));
            out.writeInt(entries.size());
            Strings strings = new Strings();
            for (Entry e : entries) write(out, e, strings);
            out.flush();
        });
    }

    /** After a failed run: a cache this run made is removed (a failed run leaves nothing behind); an older one keeps its manifest. */
    void discard() {
        if (existed || !folder.exists()) return;
        try {
            CacheFolder.remove(folder.path());
        } catch (UncheckedIOException e) {
            // best effort: a cache left behind is only unused
        }
    }

    private Path graphFile(String key) {
        return graphs.resolve(key + ".rt");
    }

    /**
     * The entries of the manifest {@code name}: none when it is absent, unreadable or made in another
     * context; none, with a note ending in {@code then}, when it is not a regular file (never opened:
     * a FIFO would block).
     */
    private Map<String, Entry> readManifest(String name, String then) {
        Path manifest = folder.path().resolve(name);
        String wrong = CacheFolder.notAFile(manifest);
        if (wrong != null) {
            if (!wrong.equals(CacheFolder.MISSING)) notes.add("the cache's " + name + " " + manifest + " " + wrong + "; " + then);
            return Map.of();
        }
        Map<String, Entry> m = new HashMap<>();
        try {
            // read whole and parsed from memory: a manifest of thousands of sheets is read on every run
            byte[] bytes = CacheFolder.read(manifest);
            if (bytes == null) return Map.of();
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte[] c = new byte[length(in)];
            in.get(c);
            if (!new String(c, StandardCharsets.UTF_8).equals(context)) return Map.of();
            int n = length(in);
            List<String> strings = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Entry e = read(in, strings);
                m.put(e.sheet(), e);
            }
            if (in.hasRemaining()) return Map.of();
        } catch (RuntimeException e) {
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
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }

        static String read(ByteBuffer in, List<String> strings) {
            int id = in.getInt();
            if (id >= 0) return strings.get(id);
            int length = length(in);
            String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
            in.position(in.position() + length);
            strings.add(s);
            return s;
        }
    }

    private static void write(DataOutputStream out, Entry e, Strings strings) throws IOException {
        for (String s : List.of(e.sheet(), e.sheetHash(), e.textLexical(), e.textReal(), e.textHash(), e.key(), e.graphHash(), e.id())) {
            strings.write(out, s);
        }
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
        String graphHash = Strings.read(in, strings);
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
        return new Entry(sheet, sheetHash, sheetStamp, lexical, real, textHash, textStamp, key, graphHash, id, line, column, triples,
                Collections.unmodifiableList(said));
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of a sheet or a text when it is a regular file (links followed: data may be linked), else null: a FIFO is never opened. */
    private static byte[] dataBytes(Path p) {
        return Files.isRegularFile(p) ? bytes(p) : null;
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
        return (version + " " + where).getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hash(byte[]... parts) {
        MessageDigest md = sha256();
        for (byte[] p : parts) {
            md.update(Integer.toString(p.length).getBytes());
            md.update((byte) 0);
            md.update(p);
        }
        return HexFormat.of().formatHex(md.digest(), 0, 16);
    }

    private static String hash(String s, byte[]... more) {
        byte[][] all = new byte[more.length + 1][];
        all[0] = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(more, 0, all, 1, more.length);
        return hash(all);
    }
}
