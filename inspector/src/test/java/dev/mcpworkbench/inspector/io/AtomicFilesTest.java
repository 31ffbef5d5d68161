package dev.mcpworkbench.inspector.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class AtomicFilesTest {

    @Test
    void aRegularFileIsReplacedAndNoTemporaryFileIsLeft(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/report.json");
        AtomicFiles.write(file, "old");
        AtomicFiles.write(file, "new");
        assertThat(file).hasContent("new");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aSymlinkIsKeptAndItsTargetReplaced(@TempDir Path dir) throws Exception {
        Path real = Files.writeString(dir.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);
        AtomicFiles.write(link, "new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(real);
        assertThat(real).hasContent("new");
    }

    @Test
    void aDanglingSymlinkIsWrittenThrough(@TempDir Path dir) throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), dir.resolve("not-yet.json"));
        AtomicFiles.write(link, "made");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(dir.resolve("not-yet.json")).hasContent("made");
    }

    /** A pipe (like /dev/stdout or a device) is written to, not renamed over. */
    @Test
    void aFifoIsWrittenThroughNotReplaced(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("pipe");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "mkfifo is not available here");
            return;
        }
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo, StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        AtomicFiles.write(fifo, "through the pipe");
        assertThat(reader.get()).isEqualTo("through the pipe");
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).isTrue();
    }
}
