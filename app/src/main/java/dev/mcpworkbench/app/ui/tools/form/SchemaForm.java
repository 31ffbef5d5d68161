package dev.mcpworkbench.app.ui.tools.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import javafx.scene.Node;

/**
 * A form generated from a tool's input schema: strings, numbers and integers with bounds,
 * booleans, enums, arrays, nested objects, $refs into $defs/definitions. Anything a form cannot
 * express gets a JSON box, never a crash: schemas come from untrusted servers.
 */
public final class SchemaForm {

    /** Deeper than this (recursive schemas), fields become JSON boxes. */
    static final int MAX_DEPTH = 8;

    private final JsonNode root;
    private final ObjectEditor top;

    public SchemaForm(JsonNode inputSchema) {
        this.root = inputSchema == null || !inputSchema.isObject() ? MissingNode.getInstance() : inputSchema;
        this.top = new ObjectEditor(this, root.isObject() ? root : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), 0, true);
    }

    public Node node() {
        return top.node();
    }

    /** The arguments object the form describes (never null). */
    public ObjectNode value() {
        JsonNode v = top.value();
        return v instanceof ObjectNode o ? o : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }

    public void setValue(JsonNode arguments) {
        top.setValue(arguments);
    }

    public void setOnChange(Runnable listener) {
        top.setOnChange(listener);
    }

    public boolean hasFields() {
        return top.fieldCount() > 0;
    }

    /** The editor for a property schema at {@code depth}. */
    FieldEditor editorFor(JsonNode schema, boolean required, int depth) {
        JsonNode s = resolve(schema, 0);
        if (depth > MAX_DEPTH || !s.isObject()) return new JsonValueEditor(s.isObject() ? s : MissingNode.getInstance());
        if (s.has("enum") || s.has("const")) return new EnumEditor(s);
        switch (typeOf(s)) {
            case "string":
                return new StringEditor(s);
            case "integer":
                return new NumberEditor(s, true);
            case "number":
                return new NumberEditor(s, false);
            case "boolean":
                return new BooleanEditor(s, required);
            case "array":
                return new ArrayEditor(this, s, depth + 1);
            case "object":
                return new ObjectEditor(this, s, depth + 1, false);
            default:
                return new JsonValueEditor(s);
        }
    }

    /** Follows local $refs and single-branch anyOf/oneOf/allOf; bounded so cycles end. */
    JsonNode resolve(JsonNode schema, int hops) {
        if (schema == null || !schema.isObject() || hops > 16) return schema == null ? MissingNode.getInstance() : schema;
        JsonNode ref = schema.get("$ref");
        if (ref != null && ref.isTextual() && ref.asText().startsWith("#")) {
            JsonNode target = root.at(ref.asText().substring(1));
            return target.isMissingNode() ? schema : resolve(target, hops + 1);
        }
        for (String combinator : new String[] {"anyOf", "oneOf", "allOf"}) {
            JsonNode branches = schema.get(combinator);
            if (branches != null && branches.isArray() && !schema.has("type")) {
                JsonNode only = null;
                int count = 0;
                for (JsonNode b : branches) {
                    if (!"null".equals(b.path("type").asText())) {
                        only = b;
                        count++;
                    }
                }
                if (count == 1) return resolveKeepingDocs(schema, resolve(only, hops + 1));
            }
        }
        return schema;
    }

    private static JsonNode resolveKeepingDocs(JsonNode outer, JsonNode inner) {
        if (!inner.isObject()) return inner;
        ObjectNode merged = ((ObjectNode) inner).deepCopy();
        for (String k : new String[] {"description", "title", "default"}) {
            if (outer.has(k) && !merged.has(k)) merged.set(k, outer.get(k));
        }
        return merged;
    }

    static String typeOf(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) return type.asText();
        if (type != null && type.isArray()) {
            for (JsonNode t : type) {
                if (t.isTextual() && !"null".equals(t.asText())) return t.asText();
            }
        }
        if (schema.has("properties")) return "object";
        if (schema.has("items")) return "array";
        return "";
    }
}
