package dev.mcpworkbench.inspector.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;

final class JsonWriting {

    private static final ObjectWriter COMPACT = SnapshotJson.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

    private JsonWriting() {
    }

    /** One line of JSON, as stdio framing requires. */
    static String compact(JsonNode node) {
        try {
            return COMPACT.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JsonNode always serializes", e);
        }
    }
}
