package org.aikg.convert;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aikg.AikgException;
import org.aikg.UsageException;

/**
 * The file {@code convert -o} writes: an existing regular file or a new path in an existing folder,
 * nothing else. A symbolic link is refused, not followed (a link planted where a root-run convert
 * writes must not redirect the write), and so are folders, devices, FIFOs and sockets. The output is
 * written to a hidden temporary file beside it ({@code .NAME.PID-HEX.part}) and moved into place only
 * when complete; an existing file keeps its permissions (and, where the user may set them, its owner
 * and group). Temporary files that runs killed before they could clean up left behind are removed.
 */
final class OutputFile {
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private final Path target;
    private final PosixFileAttributes existing;

    private OutputFile(Path target, PosixFileAttributes existing) {
        this.target = target;
        this.existing = existing;
    }

    /** Checks that {@code out} may be written; throws {@link UsageException} saying why not. */
    static OutputFile check(Path out) {
        Path dir = out.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) throw new UsageException("the folder of the output does not exist: " + out);
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(out, BasicFileAttributes.class, NOFOLLOW);
        } catch (NoSuchFileException e) {
            return new OutputFile(out, null);
        } catch (IOException e) {
            throw new UsageException("cannot look at the output " + out + ": " + e.getMessage());
        }
        if (a.isSymbolicLink()) {
            throw new UsageException("the output " + out + " is a symbolic link" + linkTarget(out)
                    + "; convert does not follow links: give the file itself, or a new path");
        }
        if (a.isDirectory()) throw new UsageException("the output " + out + " is a folder (expected a regular file or a new path)");
        if (!a.isRegularFile()) {
            throw new UsageException("the output " + out + " is " + kind(out) + ", not a regular file (convert writes only to a regular "
                    + "file or a new path; -o - writes to standard output)");
        }
        PosixFileAttributes posix = null;
        try {
            posix = Files.readAttributes(out, PosixFileAttributes.class, NOFOLLOW);
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: there is no mode to keep
        }
        return new OutputFile(out, posix);
    }

    /**
     * Writes through {@code writer} to a temporary file and moves it into place; on any failure the
     * temporary file is removed and the target left as it was.
     */
    <T> T write(Function<OutputStream, T> writer) {
        removeStaleParts();
        Path part = target.toAbsolutePath().getParent().resolve(
                "." + target.getFileName() + "." + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime()) + ".part");
        Thread cleanup = new Thread(() -> deleteQuietly(part), "aikg-remove-part");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            Files.createFile(part);
            if (existing != null) keepAttributes(part);
            T result;
            try (OutputStream os = new Sink(FileChannel.open(part, StandardOpenOption.WRITE))) {
                result = writer.apply(os);
            }
            check(target);  // the target may have changed while the conversion ran
            try {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return result;
        } catch (IOException e) {
            throw new AikgException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(part);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    /**
     * The stream a writer is given: buffered, and able to copy part of another file (the last output)
     * by the kernel's own copy, never through the heap.
     */
    static final class Sink extends BufferedOutputStream {
        private final FileChannel channel;

        private Sink(FileChannel channel) {
            super(Channels.newOutputStream(channel), 1 << 16);
            this.channel = channel;
        }

        /** Appends bytes {@code [from, to)} of {@code file}. */
        void copy(FileChannel file, long from, long to) throws IOException {
            flush();
            for (long at = from; at < to; ) {
                long n = file.transferTo(at, to - at, channel);
                if (n <= 0) throw new IOException("the old output ended early");
                at += n;
            }
        }
    }

    private void keepAttributes(Path part) throws IOException {
        Files.setPosixFilePermissions(part, existing.permissions());
        try {
            Files.setOwner(part, existing.owner());
            Files.setAttribute(part, "posix:group", existing.group());
        } catch (IOException | SecurityException e) {
            // only root may give a file away: the moved file then belongs to whoever ran convert
        }
    }

    /**
     * Removes {@code .NAME.PID-HEX.part} files of this output whose process is gone, and the
     * {@code .NAME.HEX.part} files of earlier versions, which had no process id in the name.
     */
    private void removeStaleParts() {
        Path dir = target.toAbsolutePath().getParent();
        Pattern stale = Pattern.compile("\\." + Pattern.quote(target.getFileName().toString()) + "\\.(?:(\\d{1,18})-)?[0-9a-f]+\\.part");
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                Matcher m = stale.matcher(p.getFileName().toString());
                if (!m.matches() || Files.isDirectory(p, NOFOLLOW)) continue;
                if (m.group(1) != null && ProcessHandle.of(Long.parseLong(m.group(1))).map(ProcessHandle::isAlive).orElse(false)) continue;
                deleteQuietly(p);
            }
        } catch (IOException e) {
            // leftovers stay; they are hidden and named as what they are
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the temporary file is hidden and named as such; nothing else to do
        }
    }

    /** " (to TARGET)" for a symbolic link, for a message; empty when it cannot be read. */
    static String linkTarget(Path link) {
        try {
            return " (to " + Files.readSymbolicLink(link) + ")";
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }

    /** What a file that is not a regular file is, from its Unix mode where the platform tells it. */
    static String kind(Path p) {
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode", NOFOLLOW);
            return switch (mode & 0170000) {
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0010000 -> "a FIFO (named pipe)";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            return "a special file";
        }
    }
}
