package dev.mcpworkbench.app.ui.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;

/** Pretty printing with the project's mapper (raised limits for hostile payloads). */
public final class Json {

    private Json() {
    }

    /** Pretty JSON cut at {@code maxChars}; {@code truncated} says whether there was more. */
    public record Bounded(String text, boolean truncated) {
    }

    /**
     * Pretty-prints at most {@code maxChars} characters: writing stops there, so a 100 MB result
     * costs as much as its first {@code maxChars}, not a 150 MB string the text control cannot show.
     */
    public static Bounded prettyBounded(JsonNode node, int maxChars) {
        return bounded(SnapshotJson.MAPPER.writerWithDefaultPrettyPrinter(), node, maxChars);
    }

    /** As {@link #prettyBounded}, on one line (as {@code toString()} writes it), for labels. */
    public static Bounded compactBounded(JsonNode node, int maxChars) {
        return bounded(SnapshotJson.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT), node, maxChars);
    }

    private static Bounded bounded(com.fasterxml.jackson.databind.ObjectWriter writer, JsonNode node, int maxChars) {
        if (node == null) return new Bounded("", false);
        dev.mcpworkbench.inspector.io.CappedWriter capped = new dev.mcpworkbench.inspector.io.CappedWriter(maxChars, true);
        try {
            writer.writeValue(capped, node);
            return new Bounded(capped.text(), false);
        } catch (java.io.IOException e) {
            return new Bounded(capped.text(), true); // stopped at the cap, or the rest could not be written
        }
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
