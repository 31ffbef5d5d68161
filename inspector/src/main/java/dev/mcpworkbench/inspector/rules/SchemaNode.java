package dev.mcpworkbench.inspector.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * One sub-schema met while walking an input or output schema.
 *
 * <p>Rules ask each node about its type and keywords many times over (a scan of a thousand tools
 * asked a hundred thousand times, each a hash lookup in the schema object), so the declared types
 * and which of the keywords rules ask about are present are read once, when the node is made.
 */
public final class SchemaNode {

    public enum Role { ROOT, PROPERTY, ITEMS, ADDITIONAL, COMBINATOR, DEFINITION }

    private static int typeBit(String name) {
        return switch (name) {
            case "string" -> 1;
            case "integer" -> 1 << 1;
            case "number" -> 1 << 2;
            case "boolean" -> 1 << 3;
            case "array" -> 1 << 4;
            case "object" -> 1 << 5;
            case "null" -> 1 << 6;
            default -> 0;
        };
    }

    /** The keywords rules ask about, one bit each; any other keyword is looked up in the schema. */
    private static int keywordBit(String name) {
        return switch (name) {
            case "enum" -> 1;
            case "const" -> 1 << 1;
            case "pattern" -> 1 << 2;
            case "format" -> 1 << 3;
            case "maxLength" -> 1 << 4;
            case "properties" -> 1 << 5;
            case "maximum" -> 1 << 6;
            case "exclusiveMaximum" -> 1 << 7;
            case "minimum" -> 1 << 8;
            case "maxItems" -> 1 << 9;
            case "default" -> 1 << 10;
            case "required" -> 1 << 11;
            case "patternProperties" -> 1 << 12;
            case "description" -> 1 << 13;
            default -> 0;
        };
    }

    private final String pointer;
    private final JsonNode schema;
    private final String propertyName;
    private final String ownerName;
    private final JsonNode ownerSchema;
    private final boolean required;
    private final int depth;
    private final Role role;
    private final int typeBits;
    private final int keywordBits;

    /**
     * @param pointer      JSON pointer from the tool definition's root (e.g. /inputSchema/properties/path)
     * @param schema       the sub-schema (may be any JSON value: malformed schemas are kept)
     * @param propertyName the property this schema defines, or null when it is not a property
     * @param ownerName    the nearest property name at or above this node (items of {@code paths} → paths)
     * @param ownerSchema  the schema of that property, or null when there is none
     * @param required     true when the enclosing object lists the property as required
     * @param depth        nesting depth in schema keywords
     * @param role         how the node was reached
     */
    public SchemaNode(String pointer, JsonNode schema, String propertyName, String ownerName, JsonNode ownerSchema,
                      boolean required, int depth, Role role) {
        this.pointer = pointer;
        this.schema = schema;
        this.propertyName = propertyName;
        this.ownerName = ownerName;
        this.ownerSchema = ownerSchema;
        this.required = required;
        this.depth = depth;
        this.role = role;
        this.typeBits = typeBits(schema.path("type"));
        this.keywordBits = keywordBits(schema);
    }

    private static int typeBits(JsonNode type) {
        if (type.isTextual()) return typeBit(type.textValue());
        int bits = 0;
        if (type.isArray()) for (JsonNode t : type) if (t.isTextual()) bits |= typeBit(t.textValue());
        return bits;
    }

    private static int keywordBits(JsonNode schema) {
        int bits = 0;
        if (!schema.isObject()) return 0;
        // the node's own field names are fewer than the keywords asked about
        for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) bits |= keywordBit(names.next());
        return bits;
    }

    public String pointer() {
        return pointer;
    }

    public JsonNode schema() {
        return schema;
    }

    public String propertyName() {
        return propertyName;
    }

    public String ownerName() {
        return ownerName;
    }

    JsonNode ownerSchema() {
        return ownerSchema;
    }

    public boolean required() {
        return required;
    }

    public int depth() {
        return depth;
    }

    public Role role() {
        return role;
    }

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

    public boolean hasType(String name) {
        int bit = typeBit(name);
        if (bit != 0) return (typeBits & bit) != 0;
        return types().contains(name); // a type name outside JSON Schema's: malformed, rare
    }

    public boolean has(String keyword) {
        int bit = keywordBit(keyword);
        if (bit != 0) return (keywordBits & bit) != 0;
        return schema.isObject() && schema.has(keyword);
    }

    public String description() {
        if ((keywordBits & keywordBit("description")) == 0) return "";
        JsonNode d = schema.get("description");
        return d.isTextual() ? d.textValue() : "";
    }

    /**
     * This node's description, or when it has none, that of the property at or above it: an
     * array's items are usually described on the array ("Regex patterns to select…").
     */
    public String ownerDescription() {
        String own = description();
        if (!own.isEmpty() || ownerSchema == null || ownerSchema == schema) return own;
        JsonNode d = ownerSchema.path("description");
        return d.isTextual() ? d.textValue() : "";
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

    // Equal when they describe the same place the same way (as the record this class once was).
    @Override
    public boolean equals(Object o) {
        return o instanceof SchemaNode n && required == n.required && depth == n.depth && role == n.role
                && pointer.equals(n.pointer) && schema.equals(n.schema)
                && Objects.equals(propertyName, n.propertyName) && Objects.equals(ownerName, n.ownerName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pointer, propertyName, depth, role);
    }

    @Override
    public String toString() {
        return "SchemaNode[" + pointer + "]";
    }
}
