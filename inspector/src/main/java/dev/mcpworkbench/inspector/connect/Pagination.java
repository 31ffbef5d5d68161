package dev.mcpworkbench.inspector.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.connect.McpConnectionException.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Follows {@code nextCursor} through every page of a list, guarding against cursors that loop. */
final class Pagination {

    private Pagination() {
    }

    static List<JsonNode> listAll(McpConnection connection, String method, String field, int maxPages) throws McpConnectionException {
        List<JsonNode> items = new ArrayList<>();
        Set<String> seenCursors = new HashSet<>();
        String cursor = null;
        for (int page = 0; page < maxPages; page++) {
            ObjectNode params = cursor == null ? null : JsonNodeFactory.instance.objectNode().put("cursor", cursor);
            JsonNode result = connection.request(method, params);
            JsonNode list = result.path(field);
            if (!list.isArray()) {
                throw new McpConnectionException(Kind.PROTOCOL, "The answer to " + method + " has no \"" + field + "\" array");
            }
            list.forEach(items::add);
            JsonNode next = result.get("nextCursor");
            if (next == null || next.isNull() || !next.isTextual()) return items;
            cursor = next.asText();
            if (!seenCursors.add(cursor)) {
                throw new McpConnectionException(Kind.PROTOCOL, method + " returned the cursor \"" + cursor + "\" twice: pagination loops");
            }
        }
        throw new McpConnectionException(Kind.PROTOCOL, method + " returned more than " + maxPages
                + " pages, the limit on one list (maxListPages, --max-list-pages); the rest was not read");
    }
}
