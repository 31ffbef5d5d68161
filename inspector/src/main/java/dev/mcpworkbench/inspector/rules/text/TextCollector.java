package dev.mcpworkbench.inspector.rules.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.rules.Location;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects every string value and key of a snapshot's metadata, in document order. */
public final class TextCollector {

    /** Deeper than this nothing legitimate lives; the schema rules report the depth itself. */
    private static final int MAX_DEPTH = 256;

    private TextCollector() {
    }

    public static List<TextItem> collect(ServerSnapshot snapshot) {
        List<List<TextItem>> toolTexts = new ArrayList<>(snapshot.tools().size());
        for (int i = 0; i < snapshot.tools().size(); i++) toolTexts.add(ofTool(snapshot.tools().get(i), i));
        return collect(snapshot, toolTexts);
    }

    /** The strings of one tool, in document order (a scan collects large servers' tools in parallel). */
    public static List<TextItem> ofTool(JsonNode tool, int index) {
        return collectItem(tool, index, Location.Kind.TOOL, "name", new ArrayList<>(64));
    }

    /** Every string in document order, with the tools' strings already collected by {@link #ofTool}. */
    public static List<TextItem> collect(ServerSnapshot snapshot, List<List<TextItem>> toolTexts) {
        return chain(beforeTools(snapshot), toolTexts, afterTools(snapshot));
    }

    /** The strings that come before the tools': the server's instructions. */
    public static List<TextItem> beforeTools(ServerSnapshot snapshot) {
        List<TextItem> before = new ArrayList<>(1);
        snapshot.instructions().ifPresent(text ->
                before.add(new TextItem(new Location(Location.Kind.INSTRUCTIONS, "", ""), text, false)));
        return before;
    }

    /** The strings that come after the tools': resources, resource templates, prompts. */
    public static List<TextItem> afterTools(ServerSnapshot snapshot) {
        List<TextItem> after = new ArrayList<>();
        collectItems(snapshot.resources(), Location.Kind.RESOURCE, "uri", after);
        collectItems(snapshot.resourceTemplates(), Location.Kind.RESOURCE_TEMPLATE, "uriTemplate", after);
        collectItems(snapshot.prompts(), Location.Kind.PROMPT, "name", after);
        return after;
    }

    /** The three parts read as one list, without copying them. */
    public static List<TextItem> chain(List<TextItem> before, List<List<TextItem>> toolTexts, List<TextItem> after) {
        List<List<TextItem>> parts = new ArrayList<>(toolTexts.size() + 2);
        parts.add(before);
        parts.addAll(toolTexts);
        parts.add(after);
        return new ChainedList<>(parts);
    }

    private static void collectItems(List<JsonNode> items, Location.Kind kind, String nameField, List<TextItem> out) {
        for (int i = 0; i < items.size(); i++) collectItem(items.get(i), i, kind, nameField, out);
    }

    private static List<TextItem> collectItem(JsonNode item, int index, Location.Kind kind, String nameField, List<TextItem> out) {
        String name = Texts.textField(item, nameField);
        if (name.isEmpty()) name = Texts.textField(item, "name");
        if (name.isEmpty()) name = "#" + index;
        collect(item, kind, name, out);
        return out;
    }

    public static void collect(JsonNode item, Location.Kind kind, String name, List<TextItem> out) {
        collect(item, null, 0, kind, name, out);
    }

    // Recursive: MAX_DEPTH bounds the stack, and a walk without work-queue entries allocates a
    // third of what it did (this collects every string of the server, a large share of a scan).
    private static void collect(JsonNode node, JsonPath path, int depth, Location.Kind kind, String name, List<TextItem> out) {
        if (node.isTextual()) {
            out.add(new TextItem(kind, name, path, node.textValue(), false));
        } else if (depth < MAX_DEPTH && node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                JsonPath child = new JsonPath(path, e.getKey());
                out.add(new TextItem(kind, name, child, e.getKey(), true));
                collect(e.getValue(), child, depth + 1, kind, name, out);
            }
        } else if (depth < MAX_DEPTH && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), new JsonPath(path, Integer.toString(i)), depth + 1, kind, name, out);
            }
        }
    }
}
