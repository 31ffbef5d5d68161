package dev.mcpworkbench.inspector.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SarifArtifactTest {

    @Test
    void readingTheFileLineByLineFindsTheSameLinesAsReadingItWhole() throws Exception {
        Path file = Path.of(SarifArtifactTest.class.getResource("/corpus/filesystem.json").toURI());
        SarifArtifact whole = SarifArtifact.ofSnapshotFile("mcp/filesystem.json", Files.readString(file));
        SarifArtifact streamed = SarifArtifact.ofSnapshotFile("mcp/filesystem.json", file);
        assertThat(streamed).isEqualTo(whole);
        assertThat(streamed.lines()).isNotEmpty();
    }
}
