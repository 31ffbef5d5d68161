package dev.mcpworkbench.app.memory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.traffic.LazyContainer;
import dev.mcpworkbench.inspector.traffic.LongTextNode;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;

/**
 * About how many bytes a JSON tree takes as text: string and key lengths plus a few bytes of
 * structure per node, without writing it out (writing 100 MB to measure it would allocate 200 MB).
 * Escapes and non-ASCII characters are not counted exactly: the heap policy needs the order of
 * magnitude. One pass over the nodes, no recursion; call off the FX thread for big trees. A
 * container still in the message's bytes ({@link LazyContainer}) counts its bytes and stays unread.
 */
public final class JsonFootprint {

    private JsonFootprint() {
    }

    public static long bytes(JsonNode root) {
        if (root == null) return 0;
        long total = 0;
        ArrayDeque<JsonNode> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node instanceof LazyContainer lazy && !lazy.isRead()) {
                total += lazy.sentBytes();
            } else if (node.isTextual()) {
                total += (node instanceof LongTextNode text ? text.escapedBytes() : node.textValue().length()) + 3;
            } else if (node.isObject()) {
                total += 2;
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> member = it.next();
                    total += member.getKey().length() + 4;
                    pending.push(member.getValue());
                }
            } else if (node.isArray()) {
                total += 2;
                for (JsonNode element : node) pending.push(element);
            } else {
                total += node.isNumber() ? 8 : 5;
            }
        }
        return total;
    }
}
