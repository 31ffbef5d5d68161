package dev.mcpworkbench.app.ui.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;

/** Pretty printing with the project's mapper (raised limits for hostile payloads). */
public final class Json {

    private Json() {
    }

    public static String pretty(JsonNode node) {
        if (node == null) return "";
        try {
            return SnapshotJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }

    public static JsonNode parse(String text) throws JsonProcessingException {
        return SnapshotJson.MAPPER.readTree(text);
    }
}
