package org.aikg.convert;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;

/**
 * N-Quads written graph by graph, in IRI order, each graph's lines a segment of the file. A table
 * kept in the cache folder says where each graph's segment lies in the output and which key made it;
 * when the output is still the file the table describes (same size and time), a graph whose key is
 * unchanged is copied from the old output rather than written again. The bytes are those of a
 * whole write either way: N-Quads lines do not depend on their neighbours.
 */
final class NQuadsSplice implements Splice {
    record Segment(String key, long offset, long length) {}

    private final CacheFolder folder;
    private final Path table;
    private final Path target;
    /** Where each graph lies in the output written, for {@link #save}. */
    private Map<String, Segment> written = Map.of();

    NQuadsSplice(CacheFolder folder, Path target) {
        this.folder = folder;
        this.table = folder.path().resolve("output-nq");
        this.target = target.toAbsolutePath().normalize();
    }

    @Override
    public long write(TreeMap<Node, Part> graphs, OutputStream out) throws IOException {
        Map<String, Segment> old = readTable();
        Map<String, Segment> now = new HashMap<>();
        long offset = 0;
        long quads = 0;
        try (FileChannel previous = old.isEmpty() ? null : FileChannel.open(target, StandardOpenOption.READ)) {
            ByteBuffer copy = previous == null ? null : ByteBuffer.allocate(1 << 20);
            // unchanged graphs that lay one after another in the old output are copied as one range
            long runFrom = 0;
            long runTo = 0;
            for (var e : graphs.entrySet()) {
                String name = e.getKey().getURI();
                Part g = e.getValue();
                Segment was = old.get(name);
                long length;
                if (previous != null && was != null && g.key() != null && g.key().equals(was.key())) {
                    length = was.length();
                    if (was.offset() != runTo) {
                        UnionSplice.copy(previous, runFrom, runTo, copy, out);
                        runFrom = was.offset();
                    }
                    runTo = was.offset() + length;
                    quads += g.size();  // the lines of the graph of this key, copied
                } else {
                    UnionSplice.copy(previous, runFrom, runTo, copy, out);
                    runFrom = runTo = 0;
                    ByteArrayOutputStream b = new ByteArrayOutputStream(1 << 16);
                    StreamRDF w = StreamRDFWriter.getWriterStream(b, RDFFormat.NQUADS);
                    w.start();
                    List<Triple> triples = g.triples().get();
                    for (Triple t : triples) w.quad(Quad.create(e.getKey(), t));
                    w.finish();
                    b.writeTo(out);
                    length = b.size();
                    quads += triples.size();
                }
                if (g.key() != null) now.put(name, new Segment(g.key(), offset, length));
                offset += length;
            }
            UnionSplice.copy(previous, runFrom, runTo, copy, out);
        }
        written = now;
        return quads;
    }

    /** Records where each graph now lies in the output just moved into place. */
    @Override
    public void save() {
        Map<String, Segment> segments = written;
        folder.folder(null);
        folder.write(table, os -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 16));
            OutputStamp.of(target).write(out);
            out.writeInt(segments.size());
            for (var e : segments.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue().key());
                out.writeLong(e.getValue().offset());
                out.writeLong(e.getValue().length());
            }
            out.flush();
        });
    }

    /** The table, when the output is still the file it describes; else nothing to copy from. */
    private Map<String, Segment> readTable() {
        byte[] bytes = CacheFolder.read(table);  // null unless a regular file: never a link followed, never a FIFO opened
        if (bytes == null || !Files.isRegularFile(target)) return Map.of();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (!OutputStamp.read(in).equals(OutputStamp.of(target))) return Map.of();
            int n = in.readInt();
            Map<String, Segment> m = new HashMap<>();
            for (int i = 0; i < n; i++) m.put(in.readUTF(), new Segment(in.readUTF(), in.readLong(), in.readLong()));
            return m;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }
}
