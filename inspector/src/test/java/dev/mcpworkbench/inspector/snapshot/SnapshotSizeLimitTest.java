package dev.mcpworkbench.inspector.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A snapshot too large to read is refused up front with a message naming the limit, not an OutOfMemoryError. */
class SnapshotSizeLimitTest {

    @Test
    void aFileOverTheLimitIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
        Path huge = dir.resolve("huge.json");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(2_200_000_000L); // sparse: takes no disk, but reading it would need gigabytes of heap
        }
        assertThatThrownBy(() -> SnapshotJson.read(huge)).isInstanceOf(IOException.class)
                .hasMessageContaining("huge.json is 2.0 GiB")
                .hasMessageContaining("snapshots over 1.0 GiB are not read")
                .hasMessageContaining(SnapshotJson.MAX_BYTES_PROPERTY);
    }

    @Test
    void aStreamIsCountedAndTheLimitIsASetting() throws Exception {
        byte[] snapshot = "{\"initialize\":{\"serverInfo\":{\"name\":\"s\"}},\"tools\":[]}".getBytes(StandardCharsets.UTF_8);
        assertThat(SnapshotJson.read(new ByteArrayInputStream(snapshot), "s", 1000).serverName()).isEqualTo("s");
        assertThatThrownBy(() -> SnapshotJson.read(new ByteArrayInputStream(snapshot), "stdin", 20))
                .isInstanceOf(IOException.class).hasMessageContaining("stdin is larger than 20 bytes");
        String old = System.getProperty(SnapshotJson.MAX_BYTES_PROPERTY);
        try {
            System.setProperty(SnapshotJson.MAX_BYTES_PROPERTY, "20");
            assertThat(SnapshotJson.maxBytes()).isEqualTo(20);
        } finally {
            if (old == null) System.clearProperty(SnapshotJson.MAX_BYTES_PROPERTY);
            else System.setProperty(SnapshotJson.MAX_BYTES_PROPERTY, old);
        }
    }
}
