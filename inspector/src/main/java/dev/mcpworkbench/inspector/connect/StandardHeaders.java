package dev.mcpworkbench.inspector.connect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The standard request headers of Streamable HTTP from 2026-07-28 on (SEP-2243): {@code Mcp-Method}
 * on every POST of a request or notification, and {@code Mcp-Name} naming the target of
 * {@code tools/call} and {@code prompts/get} (the name) and {@code resources/read} (the URI), so
 * gateways can route and authorize without parsing the body. Responses carry neither.
 */
final class StandardHeaders {

    static final String METHOD = "Mcp-Method";
    static final String NAME = "Mcp-Name";

    private StandardHeaders() {
    }

    static Map<String, String> of(JsonNode message) {
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode method = message.get("method");
        if (method == null || !method.isTextual()) return headers;
        headers.put(METHOD, HeaderValues.encode(method.asText()));
        String nameField = switch (method.asText()) {
            case "tools/call", "prompts/get" -> "name";
            case "resources/read" -> "uri";
            default -> null;
        };
        JsonNode name = nameField == null ? null : message.path("params").get(nameField);
        if (name != null && name.isTextual()) headers.put(NAME, HeaderValues.encode(name.asText()));
        return headers;
    }
}
