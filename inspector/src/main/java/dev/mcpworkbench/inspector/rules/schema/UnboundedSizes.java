package dev.mcpworkbench.inspector.rules.schema;

import dev.mcpworkbench.inspector.rules.*;
import dev.mcpworkbench.inspector.rules.text.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * SCHEMA-003: sizes the model can make as large as it likes. Strings without maxLength are
 * reported by SCHEMA-001 (which already names maxLength as a fix), not again here.
 */
public final class UnboundedSizes implements StaticRule {

    public static final RuleMetadata META = RuleSupport.meta("SCHEMA-003", "Unbounded sizes", Category.SCHEMA,
            Severity.LOW, List.of("MCP10"),
            "Arrays without maxItems and size-like numbers without maximum let one call fetch or write unbounded amounts, flooding the context or the backend.");

    private static final Set<String> SIZE_WORDS = Set.of("limit", "count", "size", "depth", "max", "top", "per",
            "page", "pagesize", "perpage", "length", "lines", "head", "tail", "num", "amount", "batch", "results",
            "rows", "items", "n", "k", "duration", "timeout", "steps", "retries");
    /** Above this a maximum does not bound anything (MAX_SAFE_INTEGER is a common "no limit"). */
    private static final double EFFECTIVELY_UNBOUNDED = 2_147_483_647d;

    @Override
    public RuleMetadata metadata() {
        return META;
    }

    @Override
    public boolean judgesItemsAlone() {
        return true;
    }

    @Override
    public List<Finding> check(ScanSubject s) {
        List<Finding> out = new ArrayList<>();
        for (ToolView tool : s.tools()) {
            List<String> unbounded = new ArrayList<>();
            String firstPointer = null;
            for (SchemaNode n : tool.inputWalk().nodes()) {
                String what = unboundedKind(n);
                if (what == null) continue;
                unbounded.add(n.ownerName() == null ? n.pointer() : n.ownerName() + " (" + what + ")");
                if (firstPointer == null) firstPointer = n.pointer();
            }
            if (unbounded.isEmpty()) continue;
            out.add(RuleSupport.finding(META, Severity.LOW,
                    "'" + tool.name() + "' has " + unbounded.size() + " unbounded size" + (unbounded.size() == 1 ? "" : "s"),
                    tool.location(unbounded.size() == 1 ? firstPointer : "/inputSchema"), RuleSupport.list(unbounded, 10),
                    "Add maxItems to arrays and a maximum to counts, limits and depths that matches what the backend can serve."));
        }
        return out;
    }

    private static String unboundedKind(SchemaNode n) {
        if (n.role() == SchemaNode.Role.DEFINITION || n.role() == SchemaNode.Role.ROOT) return null;
        if (n.hasType("array") && !n.has("maxItems")) return "array without maxItems";
        if ((n.hasType("integer") || n.hasType("number")) && n.propertyName() != null && isSizeLike(n.propertyName())
                && !n.hasAllowlist() && maximum(n) >= EFFECTIVELY_UNBOUNDED) {
            return "number without maximum";
        }
        return null;
    }

    private static double maximum(SchemaNode n) {
        double max = Double.POSITIVE_INFINITY;
        if (n.schema().path("maximum").isNumber()) max = n.schema().get("maximum").asDouble();
        if (n.schema().path("exclusiveMaximum").isNumber()) max = Math.min(max, n.schema().get("exclusiveMaximum").asDouble());
        return max;
    }

    private static boolean isSizeLike(String name) {
        for (String w : Identifiers.words(name)) if (SIZE_WORDS.contains(w)) return true;
        return SIZE_WORDS.contains(Identifiers.squashed(name));
    }
}
