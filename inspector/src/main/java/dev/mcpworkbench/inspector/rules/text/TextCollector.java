package dev.mcpworkbench.inspector.rules.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.rules.Location;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Collects every string value and key of a snapshot's metadata, in document order. */
public final class TextCollector {

    /** Deeper than this nothing legitimate lives; the schema rules report the depth itself. */
    private static final int MAX_DEPTH = 256;

    private TextCollector() {
    }

    public static List<TextItem> collect(ServerSnapshot snapshot) {
        return collect(snapshot, false);
    }

    /** With {@code parallel}, the tools are walked on all cores (a large server's tools hold most of its text). */
    public static List<TextItem> collect(ServerSnapshot snapshot, boolean parallel) {
        List<TextItem> out = new ArrayList<>();
        snapshot.instructions().ifPresent(text ->
                out.add(new TextItem(new Location(Location.Kind.INSTRUCTIONS, "", ""), text, false)));
        if (parallel) {
            List<JsonNode> tools = snapshot.tools();
            IntStream.range(0, tools.size()).parallel()
                    .mapToObj(i -> collectItem(tools.get(i), i, Location.Kind.TOOL, "name", new ArrayList<>()))
                    .forEachOrdered(out::addAll);
        } else {
            collectItems(snapshot.tools(), Location.Kind.TOOL, "name", out);
        }
        collectItems(snapshot.resources(), Location.Kind.RESOURCE, "uri", out);
        collectItems(snapshot.resourceTemplates(), Location.Kind.RESOURCE_TEMPLATE, "uriTemplate", out);
        collectItems(snapshot.prompts(), Location.Kind.PROMPT, "name", out);
        return out;
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
