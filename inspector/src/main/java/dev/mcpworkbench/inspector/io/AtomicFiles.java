package dev.mcpworkbench.inspector.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that a reader sees the old content or the new one, never half of it: a temporary
 * file beside the target, then a rename over it. The one place the project does this (reports,
 * pins, snapshots, saved connections, exports).
 *
 * <p>Only a regular file is replaced. A device ({@code -o /dev/stdout}, {@code /dev/null}), a FIFO
 * or anything else that is not a regular file is written through: renaming over it would delete a
 * device node or a pipe someone is reading. A symbolic link is kept and the file it points to is
 * replaced (or, when that is no regular file, written through), so links into a dotfiles repository
 * or a shared folder survive.
 */
public final class AtomicFiles {

    /** Produces the content; called once, with a stream the caller must not close. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path target, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(target, out -> out.write(bytes));
    }

    public static void write(Path target, Content content) throws IOException {
        Path file = target;
        if (Files.isSymbolicLink(file) && Files.exists(file)) file = file.toRealPath();
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                || Files.isSymbolicLink(file)) {
            writeThrough(file, content);
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void writeThrough(Path file, Content content) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            content.writeTo(out);
        }
    }
}
