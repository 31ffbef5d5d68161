package dev.mcpworkbench.inspector.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Trees for large snapshots: a server with 200,000 tools reads into some two million objects and
 * three million strings, most of them schema fragments such as {@code {"type":"string"}}, and a
 * tool result of 100,000 content blocks into 100,000 objects of two members. Objects keep their
 * members in a {@link CompactMemberMap} (some 70 bytes for two members under ZGC, instead of some
 * 280 in a LinkedHashMap), and short string values that repeat ({@code "string"}, {@code
 * "object"}, a shared description) share one node. Nodes are immutable
 * in value, so sharing a text node is invisible to readers.
 */
final class CompactNodeFactory extends JsonNodeFactory {

    private static final int SHARED_MAX_LENGTH = 48;
    private static final int SHARED_MAX_COUNT = 65_536;

    private final ConcurrentHashMap<String, TextNode> shared = new ConcurrentHashMap<>();

    CompactNodeFactory() {
        super(false);
    }

    @Override
    public ObjectNode objectNode() {
        return new ObjectNode(this, new CompactMemberMap());
    }

    @Override
    public TextNode textNode(String text) {
        if (text == null || text.length() > SHARED_MAX_LENGTH) return super.textNode(text);
        TextNode node = shared.get(text);
        if (node != null) return node;
        node = super.textNode(text);
        if (shared.size() < SHARED_MAX_COUNT) shared.putIfAbsent(text, node);
        return node;
    }
}
