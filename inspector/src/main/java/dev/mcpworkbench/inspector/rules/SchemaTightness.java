package dev.mcpworkbench.inspector.rules;

import dev.mcpworkbench.inspector.rules.SchemaNode;

/**
 * The summary's schema tightness: the share of parameters (at any depth) whose schema bounds
 * what the model may send. Counted per tool, so a large server's tools are counted while they
 * are prepared, in parallel, rather than in a pass of its own.
 */
final class SchemaTightness {

    private SchemaTightness() {
    }

    /** The named properties of {@code tool} whose schema bounds the value. */
    static int tightParameters(ToolView tool) {
        int tight = 0;
        for (SchemaNode p : tool.namedProperties()) if (isTight(p)) tight++;
        return tight;
    }

    static double share(int tight, int total) {
        return total == 0 ? 1.0 : (double) tight / total;
    }

    private static boolean isTight(SchemaNode p) {
        if (p.hasAllowlist()) return true;
        if (p.hasType("string")) return p.has("format") || p.has("maxLength");
        if (p.hasType("integer") || p.hasType("number")) return p.has("maximum") || p.has("exclusiveMaximum");
        if (p.hasType("array")) return p.has("maxItems");
        if (p.hasType("boolean")) return p.types().size() == 1;
        if (p.isObjectSchema()) return p.schema().path("additionalProperties").isBoolean()
                && !p.schema().path("additionalProperties").booleanValue();
        return false;
    }
}
