package dev.mcpworkbench.lab.server;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.util.Map;

/** Shorthands for building tool definitions and results. */
public final class Tools {

    private Tools() {
    }

    public static Tool.Builder tool(String name, String description, String inputSchemaJson) {
        return Tool.builder().name(name).description(description).inputSchema(Json.object(inputSchemaJson));
    }

    /** Annotations with all four hints set explicitly; a null leaves that hint out. */
    public static ToolAnnotations hints(Boolean readOnly, Boolean destructive, Boolean idempotent, Boolean openWorld) {
        return new ToolAnnotations(null, readOnly, destructive, idempotent, openWorld, null);
    }

    public static CallToolResult text(String text) {
        return CallToolResult.builder().addTextContent(text).isError(false).build();
    }

    public static CallToolResult error(String text) {
        return CallToolResult.builder().addTextContent(text).isError(true).build();
    }

    /** A result with structured content and its JSON serialization as the text block. */
    public static CallToolResult structured(Map<String, Object> content) {
        return CallToolResult.builder().structuredContent(content).addTextContent(Json.write(content)).isError(false).build();
    }

    public static String string(Map<String, Object> args, String key, String fallback) {
        Object value = args.get(key);
        return value == null ? fallback : String.valueOf(value);
    }

    public static int integer(Map<String, Object> args, String key, int fallback) {
        Object value = args.get(key);
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return value == null ? fallback : Integer.parseInt(String.valueOf(value));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
