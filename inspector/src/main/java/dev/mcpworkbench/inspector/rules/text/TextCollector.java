package dev.mcpworkbench.inspector.rules.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.rules.Location;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Collects every string value and key of a snapshot's metadata, iteratively. */
public final class TextCollector {

    /** Deeper than this nothing legitimate lives; the schema rules report the depth itself. */
    private static final int MAX_DEPTH = 256;

    private TextCollector() {
    }

    public static List<TextItem> collect(ServerSnapshot snapshot) {
        List<TextItem> out = new ArrayList<>();
        snapshot.instructions().ifPresent(text ->
                out.add(new TextItem(new Location(Location.Kind.INSTRUCTIONS, "", ""), text, false)));
        collectItems(snapshot.tools(), Location.Kind.TOOL, "name", out);
        collectItems(snapshot.resources(), Location.Kind.RESOURCE, "uri", out);
        collectItems(snapshot.resourceTemplates(), Location.Kind.RESOURCE_TEMPLATE, "uriTemplate", out);
        collectItems(snapshot.prompts(), Location.Kind.PROMPT, "name", out);
        return out;
    }

    private static void collectItems(List<JsonNode> items, Location.Kind kind, String nameField, List<TextItem> out) {
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String name = Texts.textField(item, nameField);
            if (name.isEmpty()) name = Texts.textField(item, "name");
            if (name.isEmpty()) name = "#" + i;
            collect(item, kind, name, out);
        }
    }

    private record Pending(JsonNode node, JsonPath path, int depth) {
    }

    public static void collect(JsonNode item, Location.Kind kind, String name, List<TextItem> out) {
        Deque<Pending> work = new ArrayDeque<>();
        work.push(new Pending(item, null, 0));
        while (!work.isEmpty()) {
            Pending p = work.pop();
            JsonNode node = p.node();
            if (node.isTextual()) {
                out.add(new TextItem(kind, name, p.path(), node.asText(), false));
            } else if (p.depth() < MAX_DEPTH && node.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> it = node.fields();
                List<Pending> children = new ArrayList<>();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    JsonPath path = new JsonPath(p.path(), e.getKey());
                    out.add(new TextItem(kind, name, path, e.getKey(), true));
                    children.add(new Pending(e.getValue(), path, p.depth() + 1));
                }
                for (int i = children.size() - 1; i >= 0; i--) work.push(children.get(i));
            } else if (p.depth() < MAX_DEPTH && node.isArray()) {
                for (int i = node.size() - 1; i >= 0; i--) {
                    work.push(new Pending(node.get(i), new JsonPath(p.path(), Integer.toString(i)), p.depth() + 1));
                }
            }
        }
    }
}
