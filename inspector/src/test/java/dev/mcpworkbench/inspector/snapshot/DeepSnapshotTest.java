package dev.mcpworkbench.inspector.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.inspector.rules.drift.Pins;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever nesting a snapshot can be read with, it can be written with: a snapshot file and a pin. */
class DeepSnapshotTest {

    /** A tool whose input schema nests {@code depth} objects: {"properties":{"a":{"properties":{"a":...}}}}. */
    static String deepSnapshot(int depth) {
        StringBuilder b = new StringBuilder("{\"initialize\":{\"serverInfo\":{\"name\":\"deep\"}},\"tools\":[{\"name\":\"deep\",\"inputSchema\":");
        b.append("{\"type\":\"object\",\"properties\":{\"a\":".repeat(depth)).append("{}").append("}}".repeat(depth));
        return b.append("}]}").toString();
    }

    @Test
    void aSnapshotNested19000DeepIsWrittenAndPinned(@TempDir Path dir) throws Exception {
        int depth = 9_500; // two JSON levels per schema level: 19,000 deep, below the 20,000 read limit
        ServerSnapshot s = SnapshotJson.read(new ByteArrayInputStream(deepSnapshot(depth).getBytes(StandardCharsets.UTF_8)), "deep");
        Path file = dir.resolve("deep.json");
        SnapshotJson.write(s, file);
        ServerSnapshot again = SnapshotJson.read(file);
        // (comparing the trees themselves would recurse as deep as they go: compare their text)
        String written = SnapshotJson.toJsonString(s);
        assertThat(SnapshotJson.toJsonString(again)).isEqualTo(written);
        assertThat(written).hasSizeGreaterThan(depth * 40);
        String pin = SnapshotJson.toJsonString(Pins.pin(s));
        assertThat(pin).contains("\"sha256\"").hasSizeGreaterThan(depth * 40);
        Path pinFile = dir.resolve("pin.json");
        SnapshotJson.writeValue(Pins.pin(s), pinFile);
        assertThat(Files.readString(pinFile)).contains("\"sha256\"").hasSizeGreaterThan(depth * 40);
        assertThat(Files.size(file)).isGreaterThan(depth * 40L);
    }
}
