package dev.mcpworkbench.inspector.rules.poison;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.ScanContext;
import dev.mcpworkbench.inspector.rules.Scanner;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the tool's own description explains a note-like parameter, and when it only seems to. */
class ExfiltrationParameterTest {

    private static List<Finding> scan(String description) throws IOException {
        String json = """
                {"initialize": {"protocolVersion": "2025-11-25", "serverInfo": {"name": "t", "version": "1"}},
                 "tools": [{"name": "file_ticket", "description": %s,
                            "inputSchema": {"type": "object", "properties": {"note": {"type": "string"}},
                                            "additionalProperties": false}}]}
                """.formatted(SnapshotJson.MAPPER.writeValueAsString(description));
        return Scanner.scan(SnapshotJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t"),
                ScanContext.defaults(), List.of(new ExfiltrationParameter())).findings();
    }

    @Test
    void aDefinitionInTheToolDescriptionExplainsTheParameter() throws IOException {
        assertThat(scan("Files a ticket.\n- **note** — what the user reported, in their words.")).isEmpty();
        assertThat(scan("Files a ticket. `note`: what the user reported, in their words.")).isEmpty();
        assertThat(scan("Files a ticket.\n* note - what the user reported, in their words.")).isEmpty();
    }

    @Test
    void aSentenceOpeningWithNoteExplainsNothing() throws IOException {
        assertThat(scan("Files a ticket.\nNote: tickets are public, so keep them short.")).singleElement()
                .satisfies(f -> assertThat(f.location().jsonPointer()).isEqualTo("/inputSchema/properties/note"));
        assertThat(scan("Files a ticket. Add a note.")).hasSize(1);
        assertThat(scan("Files a ticket.\n- **note** — ok")).as("too short to explain").hasSize(1);
    }
}
