package dev.mcpworkbench.inspector.rules.docs;

import dev.mcpworkbench.inspector.rules.*;
import java.util.ArrayList;
import java.util.List;

/** DOCS-003: no annotations, so clients must assume the worst (or, worse, assume nothing). */
public final class MissingAnnotations implements StaticRule {

    public static final RuleMetadata META = RuleSupport.meta("DOCS-003", "Missing annotations", Category.DOCS,
            Severity.LOW, List.of("MCP02"),
            "Without annotations the spec's defaults apply (not read-only, destructive, not idempotent, open world): clients cannot tell a harmless lookup from a deletion when deciding what to confirm.");

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
            if (tool.hasAnnotations()) continue;
            out.add(RuleSupport.finding(META, Severity.LOW, "'" + tool.name() + "' declares no annotations",
                    tool.location("/annotations"), "(none)",
                    "Declare readOnlyHint, destructiveHint, idempotentHint and openWorldHint truthfully for the tool's worst case."));
        }
        return out;
    }
}
