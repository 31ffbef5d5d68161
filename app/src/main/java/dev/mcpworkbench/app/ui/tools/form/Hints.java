package dev.mcpworkbench.app.ui.tools.form;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.app.ui.common.Invisibles;
import java.util.ArrayList;
import java.util.List;

/** Placeholder and help texts derived from a schema (defaults, bounds, formats, patterns). */
final class Hints {

    private Hints() {
    }

    static String prompt(JsonNode schema) {
        List<String> parts = new ArrayList<>();
        if (schema.has("default")) parts.add("default " + text(schema.get("default")));
        String min = schema.has("minimum") ? schema.get("minimum").asText()
                : schema.path("exclusiveMinimum").isNumber() ? ">" + schema.get("exclusiveMinimum").asText() : null;
        String max = schema.has("maximum") ? schema.get("maximum").asText()
                : schema.path("exclusiveMaximum").isNumber() ? "<" + schema.get("exclusiveMaximum").asText() : null;
        if (min != null || max != null) parts.add((min == null ? "…" : min) + " – " + (max == null ? "…" : max));
        if (schema.has("format")) parts.add(schema.get("format").asText());
        if (schema.has("pattern")) parts.add("/" + schema.get("pattern").asText() + "/");
        if (schema.has("examples") && schema.get("examples").isArray() && !schema.get("examples").isEmpty())
            parts.add("e.g. " + text(schema.get("examples").get(0)));
        return Invisibles.reveal(String.join(" · ", parts));
    }

    static String description(JsonNode schema) {
        String d = schema.path("description").asText(schema.path("title").asText(""));
        return Invisibles.reveal(d);
    }

    private static String text(JsonNode v) {
        return v.isTextual() ? v.asText() : v.toString();
    }
}
