package org.aikg.convert;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.aikg.format.Format;
import org.aikg.format.Formats;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFWriter;

/**
 * The sorted union of the graphs in Turtle or N-Triples, written so that a later run can change it
 * in place of writing it again. Both formats are, in the union's order, a header (Turtle's prefixes)
 * and one unit per subject (Turtle: a blank line and the subject's block; N-Triples: the subject's
 * lines), and a unit's bytes depend only on that subject's triples: Jena's block writer starts
 * each subject afresh, and no literal holds a raw line break (both writers escape it).
 *
 * <p>A table kept in the cache folder says which subject each unit of the output is, how long it is,
 * which key made each graph, and how many graphs hold each triple that more than one holds. When the
 * output is still the file the table describes (same path, size and time), a run in which few graphs
 * changed rewrites only the units of the subjects those graphs speak of: each such subject's triples
 * are its old unit's, less those only the old versions of the changed graphs held, plus those of
 * their new versions. Every other unit is copied. The bytes are those of a whole write either way
 * ({@code IncrementalTest} compares them); whenever something does not add up (the table is stale, a
 * graph it names is no longer kept, a blank node, more than a tenth of the graphs changed) the union
 * is written whole instead.
 */
final class UnionSplice implements Splice {
    /** Bumped whenever what the table holds, or how the output is laid out, changes meaning. */
    private static final String VERSION = "aikg-union-splice 2";

    /**
     * What the next run needs to know of the output just written, and how many triples it holds; a
     * table without a header cannot be used (the output has a blank node, or no prefixes).
     */
    record Table(long triples, String header, long headerLength, String[] subjects, int[] lengths, Map<String, String> keys,
            Map<String, List<Triple>> inline, Map<Triple, Integer> shared) {
        static Table unusable(long triples) {
            return new Table(triples, null, 0, null, null, null, null, null);
        }
    }

    private final CacheFolder folder;
    private final Path file;
    private final Path target;
    private final Format format;
    private final Map<String, String> prefixes;
    /** Where the graphs of earlier runs are kept, by key. */
    private final SheetCache kept;
    private final byte[] header;
    private final String headerHash;
    /** What {@link #write} found, for {@link #save}. */
    private Table written;

    UnionSplice(SheetCache kept, Path target, Format format, Map<String, String> prefixes) {
        if (format != Formats.TURTLE && format != Formats.NTRIPLES) throw new IllegalArgumentException("not a spliced format: " + format);
        this.folder = kept.folder();
        this.file = folder.path().resolve("output-" + format.suffix());
        this.target = target.toAbsolutePath().normalize();
        this.format = format;
        this.prefixes = prefixes;
        this.kept = kept;
        this.header = render(List.of(), true);
        this.headerHash = SheetCache.hash(header);
    }

    /** Writes the union of {@code graphs} to {@code out}; returns how many triples it holds. */
    @Override
    public long write(TreeMap<Node, Part> graphs, OutputStream out) throws IOException {
        written = null;
        Table old = read();
        if (old != null) {
            try (FileChannel previous = FileChannel.open(target, StandardOpenOption.READ)) {
                // null, until anything is written, when the changes do not add up: the union is then written whole
                Changes changes = changes(old, graphs);
                written = changes == null ? null : spliced(old, changes, graphs, previous, out);
            }
        }
        if (written == null) written = whole(graphs, out);
        return written.triples();
    }

    /** Records the table of the output just moved into place (or forgets the last one). */
    @Override
    public void save() {
        Table table = written;
        if (table.header() == null) {
            CacheFolder.remove(file);
            return;
        }
        folder.folder(null);
        folder.write(file, os -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 16));
            out.writeUTF(VERSION);
            OutputStamp.of(target).write(out);
            out.writeLong(table.triples());
            out.writeUTF(table.header());
            out.writeLong(table.headerLength());
            // the subjects, one per line (an IRI holds no line break), then their units' lengths
            writeString(out, String.join("\n", table.subjects()));
            ByteBuffer lengths = ByteBuffer.allocate(4 * table.lengths().length);
            lengths.asIntBuffer().put(table.lengths());
            out.writeInt(table.lengths().length);
            out.write(lengths.array());
            out.writeInt(table.keys().size());
            for (var e : table.keys().entrySet()) {
                writeString(out, e.getKey());
                writeString(out, e.getValue());
            }
            out.writeInt(table.inline().size());
            for (var e : table.inline().entrySet()) {
                writeString(out, e.getKey());
                writeTriples(out, e.getValue());
            }
            List<Triple> sharedTriples = new ArrayList<>(table.shared().keySet());
            out.writeInt(sharedTriples.size());
            for (Triple t : sharedTriples) out.writeInt(table.shared().get(t));
            writeTriples(out, sharedTriples);
            out.flush();
        });
    }

    // ---- the whole union

    private Table whole(TreeMap<Node, Part> graphs, OutputStream out) throws IOException {
        ArrayList<Triple> all = new ArrayList<>();
        for (Part p : graphs.values()) all.addAll(p.triples().get());
        SortedOutput.Union u = SortedOutput.union(all);
        List<Triple> union = u.triples();
        Units units = new Units(out, format == Formats.TURTLE);
        StreamRDF w = writer(units);
        union.forEach(w::triple);
        w.finish();
        units.flush();
        boolean blank = union.stream().anyMatch(t -> t.getSubject().isBlank() || t.getObject().isBlank());
        if (blank || (format == Formats.TURTLE && prefixes.isEmpty())) return Table.unusable(union.size());
        // the table: the distinct subjects in order, and where each one's unit starts (Turtle: a block each;
        // N-Triples: a line each triple, so a subject's unit starts at the line of its first triple)
        List<String> subjects = new ArrayList<>();
        List<Integer> firstLines = new ArrayList<>();
        for (int k = 0; k < union.size(); k++) {
            String s = subjectOf(union.get(k));
            if (subjects.isEmpty() || !subjects.get(subjects.size() - 1).equals(s)) {
                subjects.add(s);
                firstLines.add(k);
            }
        }
        long[] starts = units.starts();
        boolean blocks = format == Formats.TURTLE;
        if (starts.length != (blocks ? subjects.size() : union.size())) return Table.unusable(union.size());
        long[] unitStarts = new long[subjects.size() + 1];
        for (int i = 0; i < subjects.size(); i++) unitStarts[i] = starts[blocks ? i : firstLines.get(i)];
        unitStarts[subjects.size()] = units.written();
        int[] lengths = new int[subjects.size()];
        for (int i = 0; i < lengths.length; i++) lengths[i] = Math.toIntExact(unitStarts[i + 1] - unitStarts[i]);
        return new Table(union.size(), headerHash, unitStarts[0], subjects.toArray(new String[0]), lengths, keys(graphs), inline(graphs, null),
                u.shared());
    }

    // ---- the union changed in place

    /** The graphs of this run that are not what the table says the output holds, with their old and new triples by subject. */
    private record Changes(Map<String, List<Triple>> minus, Map<String, List<Triple>> plus) {}

    private Changes changes(Table old, TreeMap<Node, Part> graphs) {
        if (!old.header().equals(headerHash)) return null;
        Set<String> changed = new HashSet<>();
        for (var e : graphs.entrySet()) {
            String key = e.getValue().key();
            if (key == null || !key.equals(old.keys().get(e.getKey().getURI()))) changed.add(e.getKey().getURI());
        }
        Set<String> names = new HashSet<>();
        graphs.keySet().forEach(n -> names.add(n.getURI()));
        for (String name : old.keys().keySet()) if (!names.contains(name)) changed.add(name);
        if (changed.size() > Math.max(32, graphs.size() / 10)) return null;
        Map<String, List<Triple>> minus = new TreeMap<>();
        Map<String, List<Triple>> plus = new TreeMap<>();
        for (String name : changed) {
            String oldKey = old.keys().get(name);
            if (oldKey != null) {
                List<Triple> was = old.inline().containsKey(name) ? old.inline().get(name) : kept.triplesOf(oldKey);  // checked, or null
                if (was == null || !bySubject(was, minus)) return null;
            }
            Part now = graphs.get(NodeFactory.createURI(name));
            if (now != null && !bySubject(now.triples().get(), plus)) return null;
        }
        return new Changes(minus, plus);
    }

    private Table spliced(Table old, Changes changes, TreeMap<Node, Part> graphs, FileChannel previous, OutputStream out) throws IOException {
        Set<String> affectedSet = new HashSet<>(changes.minus().keySet());
        affectedSet.addAll(changes.plus().keySet());
        String[] affected = affectedSet.toArray(new String[0]);
        Arrays.sort(affected);
        long[] offsets = new long[old.subjects().length + 1];
        offsets[0] = old.headerLength();
        for (int i = 0; i < old.lengths().length; i++) offsets[i + 1] = offsets[i] + old.lengths()[i];
        if (offsets[offsets.length - 1] != previous.size()) return null;

        // each affected subject's new unit, from its old one and the changes
        Map<Triple, Integer> shared = new HashMap<>(old.shared());
        Map<String, byte[]> rewritten = new HashMap<>();
        long triples = old.triples();
        for (String s : affected) {
            int at = Arrays.binarySearch(old.subjects(), s);
            Map<Triple, Integer> count = new HashMap<>();
            if (at >= 0) {
                List<Triple> was;
                try {
                    was = parse(read(previous, offsets[at], old.lengths()[at]));
                } catch (RiotException e) {
                    return null;  // not the unit the table says: the output was changed since
                }
                for (Triple t : was) count.put(t, shared.getOrDefault(t, 1));
            }
            triples -= count.size();
            for (Triple t : changes.minus().getOrDefault(s, List.of())) {
                Integer c = count.get(t);
                if (c == null || c < 1) return null;  // the table does not describe the output after all
                count.put(t, c - 1);
            }
            for (Triple t : changes.plus().getOrDefault(s, List.of())) count.merge(t, 1, Integer::sum);
            List<Triple> now = new ArrayList<>();
            for (var e : count.entrySet()) {
                if (e.getValue() > 0) now.add(e.getKey());
                if (e.getValue() > 1) shared.put(e.getKey(), e.getValue());
                else shared.remove(e.getKey());
            }
            now.sort(TripleOrder.INSTANCE);
            triples += now.size();
            rewritten.put(s, now.isEmpty() ? null : render(now, false));
        }

        // the old units in order, the affected ones replaced, runs of the others copied
        out.write(header);
        List<String> subjects = new ArrayList<>(old.subjects().length + affected.length);
        List<Integer> lengths = new ArrayList<>(old.subjects().length + affected.length);
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        int i = 0;
        int j = 0;
        while (i < old.subjects().length || j < affected.length) {
            int c = i == old.subjects().length ? 1 : j == affected.length ? -1 : old.subjects()[i].compareTo(affected[j]);
            if (c < 0) {
                int from = i;
                while (i < old.subjects().length && (j == affected.length || old.subjects()[i].compareTo(affected[j]) < 0)) {
                    subjects.add(old.subjects()[i]);
                    lengths.add(old.lengths()[i]);
                    i++;
                }
                copy(previous, offsets[from], offsets[i], buffer, out);
                continue;
            }
            if (c == 0) i++;
            byte[] unit = rewritten.get(affected[j]);
            if (unit != null) {
                out.write(unit);
                subjects.add(affected[j]);
                lengths.add(unit.length);
            }
            j++;
        }
        int[] lengthArray = new int[lengths.size()];
        for (int k = 0; k < lengthArray.length; k++) lengthArray[k] = lengths.get(k);
        return new Table(triples, old.header(), header.length, subjects.toArray(new String[0]), lengthArray, keys(graphs), inline(graphs, old), shared);
    }

    /** Files the triples by subject; false for a blank node, which the table cannot name. */
    private static boolean bySubject(List<Triple> triples, Map<String, List<Triple>> into) {
        for (Triple t : triples) {
            if (t.getSubject().isBlank() || t.getObject().isBlank()) return false;
            into.computeIfAbsent(subjectOf(t), k -> new ArrayList<>()).add(t);
        }
        return true;
    }

    private static String subjectOf(Triple t) {
        return t.getSubject().getURI();
    }

    private static Map<String, String> keys(TreeMap<Node, Part> graphs) {
        Map<String, String> keys = new HashMap<>();
        graphs.forEach((name, part) -> {
            if (part.key() != null) keys.put(name.getURI(), part.key());
        });
        return keys;
    }

    /** The triples of the graphs the sheet cache does not keep (the dataset's own graph), for the next run to take away. */
    private Map<String, List<Triple>> inline(TreeMap<Node, Part> graphs, Table old) {
        Map<String, List<Triple>> inline = new HashMap<>();
        graphs.forEach((name, part) -> {
            if (part.key() == null) return;
            String n = name.getURI();
            // an unchanged graph is where it was: in the table, or kept by the sheet cache
            if (old != null && part.key().equals(old.keys().get(n))) {
                if (old.inline().containsKey(n)) inline.put(n, old.inline().get(n));
            } else if (!kept.keeps(part.key())) {
                inline.put(n, part.triples().get());
            }
        });
        return inline;
    }

    // ---- bytes

    private StreamRDF writer(OutputStream out) {
        StreamRDF w = StreamRDFWriter.getWriterStream(out, format == Formats.TURTLE ? RDFFormat.TURTLE_BLOCKS : RDFFormat.NTRIPLES);
        w.start();
        if (format == Formats.TURTLE) prefixes.forEach(w::prefix);
        return w;
    }

    /** The header alone, or one subject's unit: what the writer gives for these triples after the header. */
    private byte[] render(List<Triple> triples, boolean headerOnly) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        StreamRDF w = writer(b);
        triples.forEach(w::triple);
        w.finish();
        byte[] all = b.toByteArray();
        if (headerOnly) return all;
        if (!Arrays.equals(all, 0, header.length, header, 0, header.length)) throw new IllegalStateException("the writer's header moved");
        return Arrays.copyOfRange(all, header.length, all.length);
    }

    private List<Triple> parse(byte[] unit) {
        List<Triple> out = new ArrayList<>();
        byte[] doc = unit;
        if (format == Formats.TURTLE) {
            doc = Arrays.copyOf(header, header.length + unit.length);
            System.arraycopy(unit, 0, doc, header.length, unit.length);
        }
        RDFParser.source(new ByteArrayInputStream(doc)).lang(format == Formats.TURTLE ? Lang.TURTLE : Lang.NTRIPLES)
                .errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging).parse(collect(out));
        return out;
    }

    private static StreamRDF collect(List<Triple> into) {
        return new StreamRDFBase() {
            @Override
            public void triple(Triple t) {
                into.add(t);
            }
        };
    }

    private static byte[] read(FileChannel in, long offset, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (in.read(b, offset + b.position()) < 0) throw new IOException("the old output ended early");
        }
        return b.array();
    }

    /** Copies bytes {@code [from, to)} of an old output to {@code out}, through {@code buffer}. */
    static void copy(FileChannel in, long from, long to, ByteBuffer buffer, OutputStream out) throws IOException {
        if (from >= to) return;
        if (out instanceof OutputFile.Sink sink) {
            sink.copy(in, from, to);
            return;
        }
        long pos = from;
        while (pos < to) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), to - pos));
            int n = in.read(buffer, pos);
            if (n < 0) throw new IOException("the old output ended early");
            out.write(buffer.array(), 0, n);
            pos += n;
        }
    }

    /**
     * Passes bytes on and notes where units start: after every line break (N-Triples), or at the
     * second of two line breaks in a row (Turtle's blank line before each subject's block).
     */
    private static final class Units extends FilterOutputStream {
        private final boolean blankLines;
        private long[] starts = new long[1 << 12];
        private int count;
        private long written;
        private int last = -1;

        Units(OutputStream out, boolean blankLines) {
            super(out);
            this.blankLines = blankLines;
        }

        @Override
        public void write(int b) throws IOException {
            note(b);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int k = off; k < off + len; k++) note(b[k]);
            out.write(b, off, len);
        }

        private void note(int b) {
            if (b == '\n') {
                if (!blankLines) mark(written + 1);
                else if (last == '\n') mark(written);
            }
            last = b;
            written++;
        }

        private void mark(long at) {
            if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
            starts[count++] = at;
        }

        /** Where units start: Turtle's blocks; N-Triples' lines (at 0, then after each line break but the last). */
        long[] starts() {
            if (blankLines) return Arrays.copyOf(starts, count);
            long[] lines = new long[count];
            if (count > 0) System.arraycopy(starts, 0, lines, 1, count - 1);
            return lines;
        }

        long written() {
            return written;
        }
    }

    // ---- the table's file

    private Table read() {
        byte[] bytes = CacheFolder.read(file);  // null unless a regular file: never a link followed, never a FIFO opened
        if (bytes == null || !Files.isRegularFile(target)) return null;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (!in.readUTF().equals(VERSION)) return null;
            if (!OutputStamp.read(in).equals(OutputStamp.of(target))) return null;
            long triples = in.readLong();
            String headerHash = in.readUTF();
            long headerLength = in.readLong();
            String joined = readString(in);
            String[] subjects = joined.isEmpty() ? new String[0] : joined.split("\n", -1);
            int n = in.readInt();
            if (n != subjects.length) return null;
            byte[] lengthBytes = new byte[4 * n];
            in.readFully(lengthBytes);
            int[] lengths = new int[n];
            ByteBuffer.wrap(lengthBytes).asIntBuffer().get(lengths);
            Map<String, String> keys = new HashMap<>();
            int k = in.readInt();
            for (int i = 0; i < k; i++) keys.put(readString(in), readString(in));
            Map<String, List<Triple>> inline = new HashMap<>();
            int g = in.readInt();
            for (int i = 0; i < g; i++) inline.put(readString(in), readTriples(in));
            int s = in.readInt();
            int[] counts = new int[s];
            for (int i = 0; i < s; i++) counts[i] = in.readInt();
            List<Triple> sharedTriples = readTriples(in);
            if (sharedTriples.size() != s) return null;
            Map<Triple, Integer> shared = new HashMap<>();
            for (int i = 0; i < s; i++) shared.put(sharedTriples.get(i), counts[i]);
            return new Table(triples, headerHash, headerLength, subjects, lengths, keys, inline, shared);
        } catch (IOException | RuntimeException e) {
            return null;  // an unreadable table: the union is written whole
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void writeTriples(DataOutputStream out, List<Triple> triples) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        StreamRDF w = StreamRDFWriter.getWriterStream(b, RDFFormat.NTRIPLES);
        w.start();
        triples.forEach(w::triple);
        w.finish();
        out.writeInt(b.size());
        b.writeTo(out);
    }

    private static List<Triple> readTriples(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        List<Triple> out = new ArrayList<>();
        RDFParser.source(new ByteArrayInputStream(b)).lang(Lang.NTRIPLES).parse(collect(out));
        return out;
    }
}
