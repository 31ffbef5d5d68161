package dev.mcpworkbench.inspector.rules.drift;

import dev.mcpworkbench.inspector.rules.PinnedItem;
import dev.mcpworkbench.inspector.rules.Baseline;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mcpworkbench.inspector.rules.SchemaWalk;
import dev.mcpworkbench.inspector.rules.text.JsonText;
import dev.mcpworkbench.inspector.rules.text.Texts;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Pins a server's definitions and compares a later snapshot with a pin. */
public final class Pins {

    private static final List<String> TOOL_FIELDS =
            List.of("name", "title", "description", "inputSchema", "outputSchema", "annotations");
    private static final int MAX_FIELD_CHANGES = 200;

    private Pins() {
    }

    /** A new baseline of the snapshot's current definitions. Re-pinning is calling this again. */
    public static Baseline pin(ServerSnapshot snapshot) {
        Map<String, PinnedItem> items = new LinkedHashMap<>();
        definitions(snapshot).forEach((key, def) -> items.put(key, new PinnedItem(sha256(def), def)));
        return new Baseline(snapshot.serverName(), snapshot.serverVersion(), Instant.now().toString(), items);
    }

    /** What changed since the pin, item by item, with field-level detail for changed items. */
    public static List<DefinitionChange> diff(Baseline baseline, ServerSnapshot current) {
        Map<String, JsonNode> now = definitions(current);
        List<DefinitionChange> changes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : now.entrySet()) {
            PinnedItem pinned = baseline.items().get(e.getKey());
            if (pinned == null) {
                changes.add(new DefinitionChange(e.getKey(), DefinitionChange.Kind.ADDED, List.of()));
            } else if (!pinned.sha256().equals(sha256(e.getValue()))) {
                changes.add(new DefinitionChange(e.getKey(), DefinitionChange.Kind.CHANGED,
                        fieldChanges(pinned.definition(), e.getValue())));
            }
        }
        for (String key : baseline.items().keySet()) {
            if (!now.containsKey(key)) changes.add(new DefinitionChange(key, DefinitionChange.Kind.REMOVED, List.of()));
        }
        return changes;
    }

    /** The pinned projection of every item, keyed as in {@link Baseline}. */
    public static Map<String, JsonNode> definitions(ServerSnapshot snapshot) {
        Map<String, JsonNode> defs = new LinkedHashMap<>();
        snapshot.instructions().ifPresent(text -> defs.put("instructions", TextNode.valueOf(text)));
        for (int i = 0; i < snapshot.tools().size(); i++) {
            JsonNode tool = snapshot.tools().get(i);
            putUnique(defs, "tool:" + ServerSnapshot.nameOf(tool), projectTool(tool), i);
        }
        for (int i = 0; i < snapshot.prompts().size(); i++) {
            JsonNode prompt = snapshot.prompts().get(i);
            putUnique(defs, "prompt:" + ServerSnapshot.nameOf(prompt), prompt, i);
        }
        for (int i = 0; i < snapshot.resourceTemplates().size(); i++) {
            JsonNode template = snapshot.resourceTemplates().get(i);
            putUnique(defs, "resourceTemplate:" + Texts.textField(template, "uriTemplate"), template, i);
        }
        return defs;
    }

    private static void putUnique(Map<String, JsonNode> defs, String key, JsonNode def, int index) {
        defs.put(defs.containsKey(key) ? key + "#" + index : key, def);
    }

    private static JsonNode projectTool(JsonNode tool) {
        ObjectNode projected = JsonNodeFactory.instance.objectNode();
        if (!tool.isObject()) return tool;
        for (String field : TOOL_FIELDS) {
            if (tool.has(field)) projected.set(field, tool.get(field));
        }
        return projected;
    }

    public static String sha256(JsonNode definition) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(JsonText.canonical(definition).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private record Pair(String pointer, JsonNode before, JsonNode after) {
    }

    /** Pointer-level differences between two JSON values, iteratively, at most 200. */
    static List<DefinitionChange.FieldChange> fieldChanges(JsonNode before, JsonNode after) {
        List<DefinitionChange.FieldChange> out = new ArrayList<>();
        Deque<Pair> work = new ArrayDeque<>();
        work.push(new Pair("", before, after));
        while (!work.isEmpty() && out.size() < MAX_FIELD_CHANGES) {
            Pair p = work.pop();
            JsonNode a = p.before();
            JsonNode b = p.after();
            if (a != null && b != null && a.isObject() && b.isObject()) {
                Set<String> keys = new LinkedHashSet<>();
                a.fieldNames().forEachRemaining(keys::add);
                b.fieldNames().forEachRemaining(keys::add);
                List<Pair> children = new ArrayList<>();
                for (String k : keys) children.add(new Pair(p.pointer() + "/" + SchemaWalk.escape(k), a.get(k), b.get(k)));
                for (int i = children.size() - 1; i >= 0; i--) work.push(children.get(i));
            } else if (a != null && b != null && a.isArray() && b.isArray() && a.size() == b.size()) {
                for (int i = a.size() - 1; i >= 0; i--) work.push(new Pair(p.pointer() + "/" + i, a.get(i), b.get(i)));
            } else if (a == null || b == null || !JsonText.canonical(a).equals(JsonText.canonical(b))) {
                out.add(new DefinitionChange.FieldChange(p.pointer(),
                        a == null ? null : JsonText.compact(a), b == null ? null : JsonText.compact(b)));
            }
        }
        return out;
    }

}
