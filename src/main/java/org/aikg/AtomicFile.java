package org.aikg;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A file replaced whole or not at all: written to a temporary file beside it ({@code .NAME-….part},
 * in the same folder so that the move is a rename), then moved into its place; on any failure the
 * temporary file is removed and the file is as it was. What is at the path is replaced, never
 * followed: a link there is replaced by the file, not written through. The file keeps the
 * permissions of the one it replaces; a new one is readable by all ({@code rw-r--r--}), as a file
 * written in place would be, not only by its owner as a temporary file is made.
 *
 * <pre>{@code
 * AtomicFile.write(folder.resolve("counts.tsv"), out -> out.write(bytes));
 * }</pre>
 */
public final class AtomicFile {
    /** What writes the new content. */
    @FunctionalInterface
    public interface Content {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFile() {}

    /** Replaces {@code target} with what {@code content} writes; the folder is made if missing. */
    public static void write(Path target, Content content) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path tmp = Files.createTempFile(folder, "." + target.getFileName() + "-", ".part");
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
                    LinkOption.NOFOLLOW_LINKS)) {
                content.write(out);
            }
            permissions(tmp, target);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void permissions(Path tmp, Path target) throws IOException {
        if (!Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) return;
        boolean replacing = Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS);
        Files.setPosixFilePermissions(tmp, replacing ? Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS)
                : PosixFilePermissions.fromString("rw-r--r--"));
    }
}
