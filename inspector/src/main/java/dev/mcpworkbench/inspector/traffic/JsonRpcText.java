package dev.mcpworkbench.inspector.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.io.IOException;

/** Classifies JSON-RPC message text without trusting it to be well formed. */
public final class JsonRpcText {

    private JsonRpcText() {
    }

    /** The parsed JSON, or null when the text is not JSON. */
    public static JsonNode parseOrNull(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return SnapshotJson.MAPPER.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static final MessageTreeReader LONG_TEXT_IN_PLACE = new MessageTreeReader(MessageTreeReader.LONG_TEXT_BYTES, MessageTreeReader.LONG_TEXT_BYTES);

    /**
     * The parsed JSON of UTF-8 bytes (read in place, not decoded to a String first), or null when
     * not JSON. In a message of a megabyte or more, string values of a megabyte or more stay in the
     * bytes ({@link LongTextNode}), and so do {@code structuredContent} and {@code _meta} values of a
     * megabyte or more until first read ({@link LazyContainer}): the caller hands over the array and
     * never modifies it.
     */
    public static JsonNode parseOrNull(byte[] utf8) {
        if (utf8 == null || utf8.length == 0) return null;
        try {
            if (utf8.length >= MessageTreeReader.LONG_TEXT_BYTES) return LONG_TEXT_IN_PLACE.read(utf8);
            return SnapshotJson.MAPPER.readTree(utf8);
        } catch (IOException e) {
            return null;
        }
    }

    public static EntryKind kindOf(JsonNode node) {
        if (node != null && node.isArray() && !node.isEmpty()) return kindOf(node.get(0));
        if (node == null || !node.isObject()) return EntryKind.INVALID;
        boolean hasMethod = node.path("method").isTextual();
        boolean hasId = node.has("id") && !node.get("id").isNull();
        if (hasMethod) return hasId ? EntryKind.REQUEST : EntryKind.NOTIFICATION;
        if (node.has("error")) return EntryKind.ERROR;
        if (node.has("result")) return EntryKind.RESPONSE;
        return EntryKind.INVALID;
    }

    public static String methodOf(JsonNode node) {
        return node != null && node.isObject() && node.path("method").isTextual() ? node.get("method").asText() : "";
    }

    /** The id as JSON text, so 1 and "1" stay distinct. */
    public static String idOf(JsonNode node) {
        if (node == null || !node.isObject()) return "";
        JsonNode id = node.get("id");
        return id == null || id.isNull() ? "" : id.toString();
    }
}
