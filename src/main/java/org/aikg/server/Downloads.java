package org.aikg.server;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.aikg.convert.DatasetWriter;
import org.aikg.server.http.Format;
import org.aikg.server.http.Formats;
import org.apache.jena.system.Txn;

/**
 * The whole dataset in every format, plain and gzip-compressed, each with its size and strong ETag
 * (a hash of its bytes). A file is written when it is first asked for, by the request that asked
 * (so the server answers everything else meanwhile); requests for it meanwhile wait until it is written.
 * For a store whose content has a version, the files are kept beside the store
 * ({@code DIR/aikg/site/VERSION/downloads/}) and a later start serves them without writing them
 * again; otherwise they live in a temporary folder removed when the server stops.
 */
final class Downloads implements AutoCloseable {
    /** One file on offer. */
    record File(String name, Format format, boolean gzip, Path path, long bytes, String etag) {
        /** The media type of the file: its format's, or gzip's for the compressed ones. */
        String mediaType() {
            return gzip ? GZIP : format.mediaType();
        }

        String contentType() {
            return gzip ? GZIP : format.contentType();
        }
    }

    static final String GZIP = "application/gzip";

    private final Site site;
    private final Path dir;
    private boolean temporary;  // guarded by this
    private final Map<String, CompletableFuture<File>> files = new ConcurrentHashMap<>();

    Downloads(Site site) {
        this.site = site;
        this.temporary = site.kept == null;
        this.dir = temporary ? null : site.kept.resolve("downloads");
    }

    /** Every file on offer, in the order of {@link Formats#DOWNLOADS}, each plain then gzip; writes those not yet written. */
    List<File> files() {
        List<File> out = new ArrayList<>();
        for (Format f : Formats.DOWNLOADS) {
            out.add(find("aikg." + f.suffix()));
            out.add(find("aikg." + f.suffix() + ".gz"));
        }
        return List.copyOf(out);
    }

    /** The file of that name, written first if need be; null when no such file is on offer. */
    File find(String name) {
        boolean gzip = name.endsWith(".gz");
        String plain = gzip ? name.substring(0, name.length() - 3) : name;
        Format format = null;
        for (Format f : Formats.DOWNLOADS) {
            if (plain.equals("aikg." + f.suffix())) format = f;
        }
        if (format == null) return null;
        CompletableFuture<File> mine = new CompletableFuture<>();
        CompletableFuture<File> theirs = files.putIfAbsent(name, mine);
        if (theirs == null) {
            // the first to ask writes it, on its own thread; others asking for it meanwhile wait
            try {
                mine.complete(make(format, name, gzip));
            } catch (RuntimeException e) {
                files.remove(name, mine);  // the next request tries again
                mine.completeExceptionally(e);
                throw e;
            }
            return mine.join();
        }
        try {
            return theirs.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    private File make(Format format, String name, boolean gzip) {
        try {
            Path folder = folder();
            Path p = folder.resolve(name);
            Path tag = folder.resolve(name + ".etag");
            boolean kept = !isTemporary();
            if (kept && Files.isRegularFile(p) && Files.isRegularFile(tag)) {
                return new File(name, format, gzip, p, Files.size(p), Files.readString(tag, StandardCharsets.UTF_8).strip());
            }
            Path tmp = Files.createTempFile(folder, "." + name + "-", ".part");
            MessageDigest md = sha256();
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                    DigestOutputStream digest = new DigestOutputStream(file, md)) {
                if (gzip) {
                    // from the plain file; a fixed header (no time stamp, no name) keeps the .gz bytes stable across loads
                    File plain = find(name.substring(0, name.length() - 3));
                    try (GZIPOutputStream gz = new GZIPOutputStream(digest, 1 << 16); InputStream in = Files.newInputStream(plain.path())) {
                        in.transferTo(gz);
                    }
                } else {
                    Txn.executeRead(site.dsg, () -> DatasetWriter.write(site.dsg, format.file(), digest, site.prefixes));
                }
            }
            String etag = "\"" + HexFormat.of().formatHex(md.digest(), 0, 12) + "\"";
            Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            if (kept) Files.writeString(tag, etag, StandardCharsets.UTF_8);
            return new File(name, format, gzip, p, Files.size(p), etag);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the download " + name + ": " + e.getMessage(), e);
        }
    }

    private Path folder;

    private synchronized Path folder() throws IOException {
        if (folder == null && !temporary) {
            try {
                folder = Files.createDirectories(dir);
            } catch (IOException | UnsupportedOperationException e) {
                // a store on a read-only disk: the files are written for this run only
                temporary = true;
            }
        }
        if (folder == null) folder = Files.createTempDirectory("aikg-downloads-");
        return folder;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized boolean isTemporary() {
        return temporary;
    }

    @Override
    public void close() {
        Path d;
        boolean remove;
        synchronized (this) {
            d = folder;
            remove = temporary;
        }
        if (!remove || d == null) return;
        try (var left = Files.list(d)) {
            for (Path p : left.toList()) Files.deleteIfExists(p);
            Files.deleteIfExists(d);
        } catch (IOException ignored) {
            // best effort: the folder is a temporary one
        }
    }
}
