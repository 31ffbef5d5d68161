package dev.mcpworkbench.inspector.rules.dynamic.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * Builds a minimal valid argument object from a tool's inputSchema: required properties (and
 * properties with a default) get their default, first example, const, first enum value, or the
 * smallest value of their type that satisfies the schema's bounds; strings also satisfy their
 * {@code pattern} where {@link PatternExample} can build a match.
 */
public final class ArgumentGenerator {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 8;

    private ArgumentGenerator() {
    }

    public static ObjectNode generate(JsonNode inputSchema) {
        JsonNode v = value(inputSchema, "", 0);
        return v instanceof ObjectNode o ? o : F.objectNode();
    }

    static JsonNode value(JsonNode schema, String name, int depth) {
        if (schema == null || !schema.isObject() || depth > MAX_DEPTH) return F.nullNode();
        if (schema.has("default")) return schema.get("default");
        if (schema.has("const")) return schema.get("const");
        if (schema.path("examples").isArray() && !schema.path("examples").isEmpty()) return schema.get("examples").get(0);
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) return schema.get("enum").get(0);
        for (String combinator : new String[] {"anyOf", "oneOf", "allOf"}) {
            if (schema.path(combinator).isArray() && !schema.path(combinator).isEmpty()) {
                return value(schema.get(combinator).get(0), name, depth + 1);
            }
        }
        return switch (typeOf(schema)) {
            case "object" -> object(schema, depth);
            case "array" -> array(schema, name, depth);
            case "integer" -> F.numberNode(Math.max(schema.path("minimum").asLong(1), 1L) > schema.path("maximum").asLong(Long.MAX_VALUE)
                    ? schema.path("minimum").asLong() : Math.max(schema.path("minimum").asLong(1), 1L));
            case "number" -> F.numberNode(schema.has("minimum") ? schema.get("minimum").asDouble() : 1);
            case "boolean" -> F.booleanNode(false);
            case "null" -> F.nullNode();
            default -> F.textNode(string(schema, name));
        };
    }

    private static String typeOf(JsonNode schema) {
        JsonNode t = schema.get("type");
        if (t != null && t.isTextual()) return t.asText();
        if (t != null && t.isArray()) {
            for (JsonNode x : t) if (!"null".equals(x.asText())) return x.asText();
        }
        return schema.has("properties") ? "object" : "string";
    }

    private static ObjectNode object(JsonNode schema, int depth) {
        ObjectNode o = F.objectNode();
        JsonNode props = schema.path("properties");
        for (JsonNode r : schema.path("required")) {
            String key = r.asText();
            o.set(key, value(props.path(key), key, depth + 1));
        }
        props.fields().forEachRemaining(e -> {
            if (!o.has(e.getKey()) && e.getValue().has("default")) o.set(e.getKey(), e.getValue().get("default"));
        });
        return o;
    }

    private static ArrayNode array(JsonNode schema, String name, int depth) {
        ArrayNode a = F.arrayNode();
        int n = Math.max(schema.path("minItems").asInt(0), 0);
        for (int i = 0; i < Math.min(n, 10); i++) a.add(value(schema.path("items"), name, depth + 1));
        return a;
    }

    private static String string(JsonNode schema, String name) {
        String format = schema.path("format").asText("");
        String lower = name.toLowerCase(Locale.ROOT);
        String base = switch (format) {
            case "uri", "url", "iri" -> "https://example.com/";
            case "email" -> "user@example.com";
            case "date-time" -> "2026-01-01T00:00:00Z";
            case "date" -> "2026-01-01";
            case "uuid" -> "00000000-0000-4000-8000-000000000000";
            default -> lower.contains("url") || lower.contains("uri") ? "https://example.com/"
                    : lower.contains("path") || lower.contains("file") ? "." : "test";
        };
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        if (base.length() < min) base = base + "x".repeat(min - base.length());
        if (base.length() > max) base = base.substring(0, max);
        String pattern = schema.path("pattern").asText("");
        if (pattern.isEmpty() || PatternExample.matches(pattern, base)) return base;
        // Keep the format/name-based value when it already fits; otherwise build one from the pattern.
        return PatternExample.of(pattern, min, max).orElse(base);
    }
}
