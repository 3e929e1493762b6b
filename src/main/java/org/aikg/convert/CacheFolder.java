package org.aikg.convert;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.aikg.AtomicFile;
import org.aikg.UsageException;

/**
 * The folder a cache lives in, and the only way into it: everything in it must be what convert made.
 * The folder itself must be absent or a real folder in its parent; a symbolic link or any other file
 * there is refused ({@link UsageException}) before anything is read or written, never followed. Inside
 * it, a file is read only when it is a regular file (links not followed, so a link, a FIFO, a device or
 * a folder where a file belongs reads as absent: opening a FIFO would block), and a file is written to
 * a temporary file and moved into place, which replaces whatever stood there without following it.
 */
final class CacheFolder {
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
    /** What {@link #notAFile} says of a path where nothing is. */
    static final String MISSING = "is missing";

    private final Path folder;

    /** The folder at {@code folder}, checked: absent, or a real folder (else {@link UsageException}). */
    CacheFolder(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
        check();
    }

    Path path() {
        return folder;
    }

    /** True when the folder is there (a real folder: {@link #check} refused anything else). */
    boolean exists() {
        return Files.isDirectory(folder, NOFOLLOW);
    }

    /**
     * Refuses a cache path that is not absent or a real folder, and a folder whose real path is not
     * in its parent's real folder: nothing may be written or removed elsewhere through it.
     */
    private void check() {
        BasicFileAttributes a = attributes(folder);
        if (a == null) return;
        if (a.isSymbolicLink()) {
            throw new UsageException("the cache " + folder + " is a symbolic link" + OutputFile.linkTarget(folder) + "; convert does not follow links: "
                    + "remove the link, and the next run makes the cache afresh");
        }
        if (!a.isDirectory()) {
            throw new UsageException("the cache " + folder + " is " + kind(folder, a) + ", not a folder; remove it, and the next run makes "
                    + "the cache afresh");
        }
        Path real = real(folder);
        Path inParent = real(folder.getParent()).resolve(folder.getFileName());
        if (!real.equals(inParent)) throw new UsageException("the cache " + folder + " lies at " + real + ", not in its own folder " + inParent);
    }

    /** Makes the folder (and {@code sub}, a folder in it, when given) if absent, then checks it again. */
    Path folder(String sub) {
        check();
        makeFolder(folder);
        check();
        if (sub == null) return folder;
        Path p = folder.resolve(sub);
        BasicFileAttributes a = attributes(p);
        if (a != null && !a.isDirectory()) remove(p);
        makeFolder(p);
        return p;
    }

    /**
     * What stands at {@code p} when it is not a regular file (links not followed): "is missing", "is a
     * symbolic link", "is a FIFO (named pipe)", …; null for a regular file.
     */
    static String notAFile(Path p) {
        BasicFileAttributes a = attributes(p);
        if (a == null) return MISSING;
        if (a.isRegularFile()) return null;
        return "is " + kind(p, a) + ", not a file convert wrote";
    }

    /** What stands at {@code p} when it is neither absent nor a real folder: "is a symbolic link (to …)", …; else null. */
    static String notAFolder(Path p) {
        BasicFileAttributes a = attributes(p);
        return a == null || a.isDirectory() ? null : "is " + kind(p, a);
    }

    /** The bytes of {@code p}, a regular file in the cache (see {@link #notAFile}), or null when it is anything else. */
    static byte[] read(Path p) {
        if (notAFile(p) != null) return null;
        try (InputStream in = Files.newInputStream(p, NOFOLLOW)) {
            return in.readAllBytes();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cache's " + p + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code p}, a file in the folder or in a folder of it, through a temporary file moved into its place. */
    void write(Path p, AtomicFile.Content content) {
        try {
            if (Files.isDirectory(p, NOFOLLOW)) remove(p);  // a move replaces a file, a link or a FIFO, not a folder
            AtomicFile.write(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the cache " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Removes {@code p} from the cache: a file, a link (not what it points to), or a folder with all in it. */
    static void remove(Path p) {
        try {
            if (!Files.isDirectory(p, NOFOLLOW)) {
                Files.deleteIfExists(p);
                return;
            }
            // links are not followed: walkFileTree sees a link as a file, and deleting it deletes the link
            Files.walkFileTree(p, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null) throw e;
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + p + " from the cache: " + e.getMessage(), e);
        }
    }

    private static void makeFolder(Path p) {
        try {
            Files.createDirectory(p);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(p, NOFOLLOW)) throw new UncheckedIOException("cannot make the cache's folder " + p + ": something else is there", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the cache's folder " + p + ": " + e.getMessage(), e);
        }
    }

    /** The attributes of {@code p} itself (a link is not followed), or null when nothing is there. */
    private static BasicFileAttributes attributes(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look at the cache's " + p + ": " + e.getMessage(), e);
        }
    }

    private static String kind(Path p, BasicFileAttributes a) {
        if (a.isSymbolicLink()) return "a symbolic link" + OutputFile.linkTarget(p);
        if (a.isDirectory()) return "a folder";
        if (a.isRegularFile()) return "a regular file";
        return OutputFile.kind(p);
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + p + ": " + e.getMessage(), e);
        }
    }
}
