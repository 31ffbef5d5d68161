package dev.mcpworkbench.inspector.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every sub-schema of a schema, reached structurally (properties, items, combinators, $defs...).
 * Iterative, so a hostile schema nested 10,000 deep cannot overflow the stack; nodes past
 * {@link #MAX_DEPTH} or beyond {@link #MAX_NODES} are not visited and the walk says so.
 * {@code $ref} is never followed, so reference cycles cannot loop: the targets are walked where
 * they are defined ($defs, definitions).
 */
public final class SchemaWalk {

    public static final int MAX_DEPTH = 64;
    public static final int MAX_NODES = 50_000;

    private static final List<String> COMBINATORS = List.of("anyOf", "oneOf", "allOf");
    private static final List<String> DEFINITIONS = List.of("$defs", "definitions");

    private final List<SchemaNode> nodes;
    private final int deepestDepth;
    private final boolean truncated;
    private final boolean rootIsObject;

    private SchemaWalk(List<SchemaNode> nodes, int deepestDepth, boolean truncated, boolean rootIsObject) {
        this.nodes = nodes;
        this.deepestDepth = deepestDepth;
        this.truncated = truncated;
        this.rootIsObject = rootIsObject;
    }

    public static SchemaWalk of(JsonNode root, String rootPointer) {
        List<SchemaNode> nodes = new ArrayList<>();
        if (root == null || !root.isObject()) {
            return new SchemaWalk(List.of(), 0, false, false);
        }
        Deque<SchemaNode> pending = new ArrayDeque<>();
        pending.push(new SchemaNode(rootPointer, root, null, null, null, false, 0, SchemaNode.Role.ROOT));
        int deepest = 0;
        boolean truncated = false;
        while (!pending.isEmpty()) {
            SchemaNode node = pending.pop();
            if (nodes.size() >= MAX_NODES) {
                truncated = true;
                break;
            }
            nodes.add(node);
            deepest = Math.max(deepest, node.depth());
            if (node.depth() >= MAX_DEPTH) {
                if (hasChildren(node.schema())) truncated = true;
                continue;
            }
            pushChildren(node, pending);
        }
        return new SchemaWalk(List.copyOf(nodes), deepest, truncated, true);
    }

    private static boolean hasChildren(JsonNode schema) {
        for (String k : List.of("properties", "items", "prefixItems", "additionalProperties", "anyOf",
                "oneOf", "allOf", "$defs", "definitions", "not")) {
            if (schema.path(k).isContainerNode()) return true;
        }
        return false;
    }

    private static void pushChildren(SchemaNode node, Deque<SchemaNode> pending) {
        JsonNode s = node.schema();
        if (!s.isObject()) return;
        int depth = node.depth() + 1;
        // pushed in reverse so the walk visits properties in declaration order
        List<SchemaNode> children = new ArrayList<>();
        JsonNode props = s.path("properties");
        if (props.isObject()) {
            Set<String> required = requiredNames(s);
            Iterator<Map.Entry<String, JsonNode>> it = props.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                children.add(new SchemaNode(node.pointer() + "/properties/" + escape(e.getKey()), e.getValue(),
                        e.getKey(), e.getKey(), e.getValue(), required.contains(e.getKey()), depth, SchemaNode.Role.PROPERTY));
            }
        }
        JsonNode items = s.path("items");
        if (items.isObject()) {
            children.add(child(node, "/items", items, depth, SchemaNode.Role.ITEMS));
        } else if (items.isArray()) {
            addArray(node, "/items", items, depth, SchemaNode.Role.ITEMS, children);
        }
        addArray(node, "/prefixItems", s.path("prefixItems"), depth, SchemaNode.Role.ITEMS, children);
        JsonNode additional = s.path("additionalProperties");
        if (additional.isObject()) children.add(child(node, "/additionalProperties", additional, depth, SchemaNode.Role.ADDITIONAL));
        for (String c : COMBINATORS) addArray(node, "/" + c, s.path(c), depth, SchemaNode.Role.COMBINATOR, children);
        if (s.path("not").isObject()) children.add(child(node, "/not", s.get("not"), depth, SchemaNode.Role.COMBINATOR));
        for (String d : DEFINITIONS) {
            JsonNode defs = s.path(d);
            if (!defs.isObject()) continue;
            Iterator<Map.Entry<String, JsonNode>> it = defs.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                children.add(new SchemaNode(node.pointer() + "/" + d + "/" + escape(e.getKey()), e.getValue(),
                        null, null, null, false, depth, SchemaNode.Role.DEFINITION));
            }
        }
        for (int i = children.size() - 1; i >= 0; i--) pending.push(children.get(i));
    }

    private static void addArray(SchemaNode parent, String keyword, JsonNode array, int depth,
                                 SchemaNode.Role role, List<SchemaNode> out) {
        if (!array.isArray()) return;
        for (int i = 0; i < array.size(); i++) {
            out.add(child(parent, keyword + "/" + i, array.get(i), depth, role));
        }
    }

    private static SchemaNode child(SchemaNode parent, String suffix, JsonNode schema, int depth, SchemaNode.Role role) {
        boolean inheritsRequired = role == SchemaNode.Role.COMBINATOR && parent.required();
        return new SchemaNode(parent.pointer() + suffix, schema, null, parent.ownerName(), parent.ownerSchema(), inheritsRequired,
                depth, role);
    }

    private static Set<String> requiredNames(JsonNode schema) {
        Set<String> names = new HashSet<>();
        JsonNode req = schema.path("required");
        if (req.isArray()) req.forEach(r -> { if (r.isTextual()) names.add(r.asText()); });
        return names;
    }

    /** RFC 6901 escaping of one reference token. */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    public List<SchemaNode> nodes() {
        return nodes;
    }

    public int deepestDepth() {
        return deepestDepth;
    }

    /** True when the schema went deeper than {@link #MAX_DEPTH} or had more than {@link #MAX_NODES} nodes. */
    public boolean truncated() {
        return truncated;
    }

    public boolean rootIsObject() {
        return rootIsObject;
    }

    public SchemaNode root() {
        return nodes.isEmpty() ? null : nodes.get(0);
    }
}
