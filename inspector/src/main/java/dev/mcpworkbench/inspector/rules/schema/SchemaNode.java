package dev.mcpworkbench.inspector.rules.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One sub-schema met while walking an input or output schema.
 *
 * @param pointer      JSON pointer from the tool definition's root (e.g. /inputSchema/properties/path)
 * @param schema       the sub-schema (may be any JSON value: malformed schemas are kept)
 * @param propertyName the property this schema defines, or null when it is not a property
 * @param ownerName    the nearest property name at or above this node (items of {@code paths} → paths)
 * @param required     true when the enclosing object lists the property as required
 * @param depth        nesting depth in schema keywords
 * @param role         how the node was reached
 */
public record SchemaNode(String pointer, JsonNode schema, String propertyName, String ownerName,
                         boolean required, int depth, Role role) {

    public enum Role { ROOT, PROPERTY, ITEMS, ADDITIONAL, COMBINATOR, DEFINITION }

    public boolean isTopLevelProperty() {
        return role == Role.PROPERTY && depth == 1;
    }

    /** The declared types: {@code "type": "string"} → [string]; an array of types as listed; none → []. */
    public List<String> types() {
        JsonNode type = schema.path("type");
        List<String> out = new ArrayList<>();
        if (type.isTextual()) out.add(type.asText());
        else if (type.isArray()) type.forEach(t -> { if (t.isTextual()) out.add(t.asText()); });
        return out;
    }

    // asked many times per node by several rules: checked in place rather than building types()
    public boolean hasType(String name) {
        JsonNode type = schema.path("type");
        if (type.isTextual()) return type.asText().equals(name);
        if (type.isArray()) {
            for (JsonNode t : type) if (t.isTextual() && t.asText().equals(name)) return true;
        }
        return false;
    }

    public boolean has(String keyword) {
        return schema.isObject() && schema.has(keyword);
    }

    public String description() {
        JsonNode d = schema.path("description");
        return d.isTextual() ? d.asText() : "";
    }

    /** Has an object shape: declared type object or a properties keyword. */
    public boolean isObjectSchema() {
        return hasType("object") || has("properties");
    }

    /** A string with none of the keywords that bound what the model may send. */
    public boolean isUnconstrainedString() {
        return hasType("string") && !has("enum") && !has("const") && !has("pattern")
                && !has("format") && !has("maxLength");
    }

    public boolean hasAllowlist() {
        return has("enum") || has("const") || has("pattern");
    }
}
