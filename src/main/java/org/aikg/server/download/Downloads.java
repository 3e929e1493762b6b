package org.aikg.server.download;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPOutputStream;
import org.aikg.AtomicFile;
import org.aikg.convert.DatasetWriter;
import org.aikg.format.Format;
import org.aikg.format.Formats;
import org.aikg.server.budget.Budget;
import org.aikg.server.http.HttpError;
import org.aikg.server.site.Site;

/**
 * The whole dataset in every format, plain and gzip-compressed, each with its size and strong ETag
 * (a hash of its bytes). The files are written when first asked for, one format at a time on a thread of
 * their own (so writing them never holds a request's thread, and takes one core at most); a request waits
 * for a file no longer than its {@link Budget} allows, then gets 503 with Retry-After while the writing
 * goes on. The list at {@code /download/} starts the writing of every file and waits a moment at most;
 * the home page and {@code /dataset} list the files as they stand ({@link #current()}); both show a file not
 * yet written without its size. For a store whose content has a version, the files
 * are kept beside the store ({@code DIR/aikg/site/VERSION/downloads/}) and a later start serves them
 * without writing them again; otherwise they live in a temporary folder removed when the server stops.
 */
public final class Downloads implements AutoCloseable {
    /** The longest a list of the files waits for them to be written. */
    static final long LIST_WAIT_MILLIS = 2_000;

    /** One file on offer; {@code bytes} is -1 (and {@code path} and {@code etag} null) while it is being written. */
    public record File(String name, Format format, boolean gzip, Path path, long bytes, String etag) {
        /** The media type of the file: its format's, or gzip's for the compressed ones. */
        public String mediaType() {
            return gzip ? GZIP : format.mediaType();
        }

        public String contentType() {
            return gzip ? GZIP : format.contentType();
        }

        public boolean written() {
            return bytes >= 0;
        }
    }

    /** A format's two files, written together. */
    private record Pair(File plain, File gzip) {}

    static final String GZIP = "application/gzip";

    private final Site site;
    private final Path dir;
    private boolean temporary;  // guarded by this
    private final Map<Format, CompletableFuture<Pair>> files = new ConcurrentHashMap<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "aikg-downloads");
        t.setDaemon(true);
        return t;
    });

    public Downloads(Site site) {
        this.site = site;
        this.temporary = site.kept == null;
        this.dir = temporary ? null : site.kept.resolve("downloads");
    }

    /**
     * Every file on offer, in the order of {@link Formats#FILES}, each plain then gzip: those not yet
     * written are started, and waited for at most {@link #LIST_WAIT_MILLIS} (or what is left of the budget);
     * any still being written is listed without its size.
     */
    List<File> files(Budget budget) {
        List<CompletableFuture<Pair>> all = Formats.FILES.stream().map(this::start).toList();
        long until = System.nanoTime() + Math.min(LIST_WAIT_MILLIS, budget.remainingMillis()) * 1_000_000;
        List<File> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Format f = Formats.FILES.get(i);
            Pair p = await(all.get(i), Math.max(0, until - System.nanoTime()));
            if (p == null) p = new Pair(pending("aikg." + f.suffix(), f, false), pending("aikg." + f.suffix() + ".gz", f, true));
            out.add(p.plain());
            out.add(p.gzip());
        }
        return List.copyOf(out);
    }

    /**
     * Every file on offer as it stands, without starting to write any or waiting: the home page and the
     * dataset's description list them so (a casual visit does not set a large store's files writing).
     */
    public List<File> current() {
        List<File> out = new ArrayList<>();
        for (Format f : Formats.FILES) {
            CompletableFuture<Pair> c = files.get(f);
            Pair p = c != null && c.isDone() && !c.isCompletedExceptionally() ? c.join() : null;
            if (p == null) p = new Pair(pending("aikg." + f.suffix(), f, false), pending("aikg." + f.suffix() + ".gz", f, true));
            out.add(p.plain());
            out.add(p.gzip());
        }
        return List.copyOf(out);
    }

    /** How many formats' files are written: a page that lists them is kept under this, and made again when it changes. */
    public int writtenCount() {
        return (int) Formats.FILES.stream().filter(f -> {
            CompletableFuture<Pair> c = files.get(f);
            return c != null && c.isDone() && !c.isCompletedExceptionally();
        }).count();
    }

    /** The file of that name, waited for within the budget (503 past it); null when no such file is on offer. */
    File find(String name, Budget budget) {
        boolean gzip = name.endsWith(".gz");
        String plain = gzip ? name.substring(0, name.length() - 3) : name;
        Format format = Formats.FILES.stream().filter(f -> plain.equals("aikg." + f.suffix())).findFirst().orElse(null);
        if (format == null) return null;
        Pair p = await(start(format), Math.max(0, budget.remainingMillis()) * 1_000_000);
        if (p == null) throw HttpError.unavailable(name + " is being written; try again in a moment");
        return gzip ? p.gzip() : p.plain();
    }

    private CompletableFuture<Pair> start(Format format) {
        return files.computeIfAbsent(format, f -> CompletableFuture.supplyAsync(() -> {
            File plain = make(f, "aikg." + f.suffix(), null);
            return new Pair(plain, make(f, "aikg." + f.suffix() + ".gz", plain));
        }, writer).whenComplete((done, failed) -> {
            if (failed != null) files.remove(f);  // the next request tries again
        }));
    }

    /** The pair, or null when it is not written within {@code nanos}; a failure to write it is rethrown. */
    private static Pair await(CompletableFuture<Pair> c, long nanos) {
        try {
            return c.get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    private static File pending(String name, Format format, boolean gzip) {
        return new File(name, format, gzip, null, -1, null);
    }

    /** Writes one file (the compressed one from its {@code plain} file), or finds it kept from an earlier run. */
    private File make(Format format, String name, File plain) {
        boolean gzip = plain != null;
        try {
            Path folder = folder();
            Path p = folder.resolve(name);
            Path tag = folder.resolve(name + ".etag");
            boolean kept = !isTemporary();
            if (kept && Files.isRegularFile(p) && Files.isRegularFile(tag)) {
                return new File(name, format, gzip, p, Files.size(p), Files.readString(tag, StandardCharsets.UTF_8).strip());
            }
            MessageDigest md = sha256();
            AtomicFile.write(p, out -> {
                try (OutputStream file = new BufferedOutputStream(out, 1 << 16); DigestOutputStream digest = new DigestOutputStream(file, md)) {
                    if (gzip) {
                        // a fixed header (no time stamp, no name) keeps the .gz bytes stable across loads
                        try (GZIPOutputStream gz = new GZIPOutputStream(digest, 1 << 16); InputStream in = Files.newInputStream(plain.path())) {
                            in.transferTo(gz);
                        }
                    } else {
                        site.read(() -> DatasetWriter.write(site.dsg, format, digest, site.prefixes));
                    }
                }
            });
            String etag = "\"" + HexFormat.of().formatHex(md.digest(), 0, 12) + "\"";
            if (kept) AtomicFile.write(tag, out -> out.write(etag.getBytes(StandardCharsets.UTF_8)));
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
        writer.shutdownNow();
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
