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
import java.util.zip.GZIPOutputStream;
import org.aikg.convert.DatasetWriter;
import org.aikg.convert.RdfFormat;

/**
 * The whole dataset in every format, plain and gzip-compressed, written once per load to files in
 * a temporary folder (deleted when the server stops), each with its size and strong ETag.
 */
final class Downloads implements AutoCloseable {
    /** One file on offer. */
    record File(String name, RdfFormat format, boolean gzip, Path path, long bytes, String etag) {
        String mediaType() {
            return gzip ? "application/gzip" : Media.of(format);
        }
    }

    private final Path dir;
    private final List<File> files = new ArrayList<>();

    Downloads(Site site) {
        try {
            dir = Files.createTempDirectory("aikg-downloads-");
            for (RdfFormat f : List.of(RdfFormat.TTL, RdfFormat.NT, RdfFormat.JSONLD, RdfFormat.RDF, RdfFormat.TRIG, RdfFormat.NQ)) {
                String name = "aikg." + f.extension();
                files.add(write(site, f, name, false));
                files.add(write(site, f, name + ".gz", true));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the downloads: " + e.getMessage(), e);
        }
    }

    private File write(Site site, RdfFormat format, String name, boolean gzip) throws IOException {
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
                    DatasetWriter.write(site.dsg, format, gz, site.prefixes);
                }
            } else {
                DatasetWriter.write(site.dsg, format, digest, site.prefixes);
            }
        }
        String etag = "\"" + HexFormat.of().formatHex(md.digest(), 0, 12) + "\"";
        return new File(name, format, gzip, p, Files.size(p), etag);
    }

    List<File> files() {
        return files;
    }

    File find(String name) {
        for (File f : files) {
            if (f.name().equals(name)) return f;
        }
        return null;
    }

    @Override
    public void close() {
        for (File f : files) {
            try {
                Files.deleteIfExists(f.path());
            } catch (IOException ignored) {
                // best effort: the folder is a temporary one
            }
        }
        try {
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
