package dev.mcpworkbench.inspector.rules.dynamic.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.rules.dynamic.InputProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The crafted inputs of SCHEMA-007, each derived from a valid argument object by breaking one
 * thing: an extra property, a wrong type, a 100 KB string, a value outside an enum, a path
 * traversal, a file:// URL, and a loopback canary URL.
 */
public final class ProbeInputs {

    static final int OVERSIZED_LENGTH = 100 * 1024;

    /** One crafted call; {@code canaryToken} is set for the canary probe. */
    public record Crafted(InputProbe probe, ObjectNode arguments, String canaryToken) {
    }

    private ProbeInputs() {
    }

    public static List<Crafted> craft(JsonNode inputSchema, ObjectNode valid, CanaryServer canary) {
        List<Crafted> out = new ArrayList<>();
        ObjectNode extra = valid.deepCopy();
        extra.put("__workbench_unexpected", "x");
        out.add(new Crafted(new InputProbe(InputProbe.Kind.EXTRA_PROPERTY, "an undeclared extra property \"__workbench_unexpected\"", false), extra, null));
        JsonNode props = inputSchema.path("properties");
        for (Map.Entry<String, JsonNode> e : iterable(props)) {
            String name = e.getKey();
            JsonNode schema = e.getValue();
            String type = schema.path("type").asText("");
            if (out.size() == 1) {
                ObjectNode wrong = valid.deepCopy();
                if (type.equals("string")) wrong.put(name, 12345);
                else wrong.put(name, "not-a-" + (type.isEmpty() ? "value" : type));
                out.add(new Crafted(new InputProbe(InputProbe.Kind.WRONG_TYPE, "a wrong type for \"" + name + "\" (expected " + type + ")", false), wrong, null));
            }
            if (type.equals("string")) addStringProbes(name, schema, valid, canary, out);
        }
        return dedupe(out);
    }

    private static void addStringProbes(String name, JsonNode schema, ObjectNode valid, CanaryServer canary, List<Crafted> out) {
        if (schema.has("enum")) {
            out.add(with(valid, name, "__not_in_enum__", InputProbe.Kind.OUTSIDE_ENUM, "a value outside the enum of \"" + name + "\""));
        } else if (!has(out, InputProbe.Kind.OVERSIZED_STRING)) {
            out.add(with(valid, name, "A".repeat(OVERSIZED_LENGTH), InputProbe.Kind.OVERSIZED_STRING, "a 100 KB string in \"" + name + "\""));
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String format = schema.path("format").asText("");
        if (lower.contains("path") || lower.contains("file") || lower.contains("dir")) {
            out.add(with(valid, name, "../../../../../../etc/passwd", InputProbe.Kind.PATH_TRAVERSAL, "a path traversal \"../../../../../../etc/passwd\" in \"" + name + "\""));
        }
        if (lower.contains("url") || lower.contains("uri") || lower.contains("link") || format.startsWith("ur")) {
            out.add(with(valid, name, "file:///etc/passwd", InputProbe.Kind.FILE_URL, "a file:///etc/passwd URL in \"" + name + "\""));
            if (canary != null) {
                String token = canary.newToken();
                ObjectNode args = valid.deepCopy();
                args.put(name, canary.url(token));
                out.add(new Crafted(new InputProbe(InputProbe.Kind.CANARY_URL, "the loopback canary URL " + canary.url(token) + " in \"" + name + "\"", false), args, token));
            }
        }
    }

    private static Crafted with(ObjectNode valid, String name, String value, InputProbe.Kind kind, String description) {
        ObjectNode args = valid.deepCopy();
        args.put(name, value);
        return new Crafted(new InputProbe(kind, description, false), args, null);
    }

    private static boolean has(List<Crafted> list, InputProbe.Kind kind) {
        return list.stream().anyMatch(c -> c.probe().kind() == kind);
    }

    private static List<Crafted> dedupe(List<Crafted> list) {
        return list.size() > 8 ? list.subList(0, 8) : list;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
