package org.aikg.server;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.system.Txn;
import org.aikg.convert.DatasetWriter;
import org.aikg.server.http.Format;
import org.aikg.server.http.Formats;

/**
 * The whole dataset in every format, plain and gzip-compressed, written once per load to files in
 * a temporary folder (deleted when the server stops), each with its size and strong ETag. The files
 * are written in the background from start-up on, so that the endpoint answers at once; a request
 * for a download made before they are ready waits for them.
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

    private final Path dir;
    private final CompletableFuture<List<File>> files;

    Downloads(Site site) {
        try {
            dir = Files.createTempDirectory("aikg-downloads-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder for the downloads: " + e.getMessage(), e);
        }
        files = CompletableFuture.supplyAsync(() -> Txn.calculateRead(site.dsg, () -> writeAll(site)), runnable -> {
            Thread t = new Thread(runnable, "aikg-downloads");
            t.setDaemon(true);
            t.start();
        });
    }

    private List<File> writeAll(Site site) {
        List<File> out = new ArrayList<>();
        try {
            for (Format f : Formats.DOWNLOADS) {
                String name = "aikg." + f.suffix();
                out.add(write(site, f, name, false));
                out.add(write(site, f, name + ".gz", true));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the downloads: " + e.getMessage(), e);
        }
        return List.copyOf(out);
    }

    /** Waits until the files are written (at most once per load). */
    void awaitReady() {
        files.join();
    }

    private File write(Site site, Format format, String name, boolean gzip) throws IOException {
        Path p = dir.resolve(name);
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (OutputStream file = new java.io.BufferedOutputStream(Files.newOutputStream(p), 1 << 16);
                DigestOutputStream digest = new DigestOutputStream(file, md)) {
            if (gzip) {
                // a fixed header (no time stamp, no name) keeps the .gz bytes stable across loads
                try (GZIPOutputStream gz = new GZIPOutputStream(digest, 1 << 16)) {
                    DatasetWriter.write(site.dsg, format.file(), gz, site.prefixes);
                }
            } else {
                DatasetWriter.write(site.dsg, format.file(), digest, site.prefixes);
            }
        }
        String etag = "\"" + HexFormat.of().formatHex(md.digest(), 0, 12) + "\"";
        return new File(name, format, gzip, p, Files.size(p), etag);
    }

    List<File> files() {
        return files.join();
    }

    File find(String name) {
        for (File f : files()) {
            if (f.name().equals(name)) return f;
        }
        return null;
    }

    @Override
    public void close() {
        files.cancel(false);
        for (File f : files.isDone() && !files.isCompletedExceptionally() && !files.isCancelled() ? files.join() : List.<File>of()) {
            try {
                Files.deleteIfExists(f.path());
            } catch (IOException ignored) {
                // best effort: the folder is a temporary one
            }
        }
        try (var left = Files.list(dir)) {
            for (Path p : left.toList()) Files.deleteIfExists(p);
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
