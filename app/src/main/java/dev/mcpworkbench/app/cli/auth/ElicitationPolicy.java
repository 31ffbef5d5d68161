package dev.mcpworkbench.app.cli.auth;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the headless client answers a server's elicitation request: decline (the default), cancel, or
 * accept with the defaults the requested schema declares (SEP-1034), filling nothing else in.
 */
public enum ElicitationPolicy {
    DECLINE, CANCEL, ACCEPT_DEFAULTS;

    public McpSchema.ElicitResult answer(McpSchema.ElicitFormRequest request) {
        return switch (this) {
            case DECLINE -> new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.DECLINE, null);
            case CANCEL -> new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.CANCEL, null);
            case ACCEPT_DEFAULTS -> new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT, defaults(request.requestedSchema()));
        };
    }

    static Map<String, Object> defaults(Map<String, Object> schema) {
        Map<String, Object> content = new LinkedHashMap<>();
        if (schema != null && schema.get("properties") instanceof Map<?, ?> properties) {
            properties.forEach((name, definition) -> {
                if (definition instanceof Map<?, ?> def && def.containsKey("default")) {
                    content.put(String.valueOf(name), def.get("default"));
                }
            });
        }
        return content;
    }

    public static ElicitationPolicy parse(String text) {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
