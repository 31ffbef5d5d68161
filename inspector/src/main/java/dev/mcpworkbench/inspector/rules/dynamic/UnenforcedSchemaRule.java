package dev.mcpworkbench.inspector.rules.dynamic;

import dev.mcpworkbench.inspector.rules.Category;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.RuleMetadata;
import dev.mcpworkbench.inspector.rules.RuleSettings;
import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;

/**
 * SCHEMA-007: the server ran a call whose arguments break its own input schema. Judges only
 * exchanges the exerciser crafted on purpose ({@link ToolExchange#probe()}); a call passes when
 * the server answers JSON-RPC -32602 or a result with isError.
 */
public final class UnenforcedSchemaRule implements DynamicRule {

    private static final RuleMetadata METADATA = new RuleMetadata("SCHEMA-007", "Schema not enforced", Category.SCHEMA,
            Severity.HIGH, List.of("MCP05"),
            "A schema the server does not enforce is documentation, not a control: a model (or an injected "
                    + "instruction) can pass anything, and the handler receives input it was never written for.",
            true);

    private static final String FIX = "Validate arguments against the inputSchema before the handler runs (reject extra "
            + "properties, wrong types, oversize strings, values outside enums) and answer -32602 Invalid params.";

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(ToolExchange ex, RuleSettings settings) {
        InputProbe probe = ex.probe();
        if (probe == null) return List.of();
        if (probe.canaryHit()) {
            return List.of(finding(ex, Severity.HIGH, "fetched the workbench's canary URL it was given: " + probe.description()));
        }
        if (ex.error() != null && ex.error().code() == ToolExchange.RpcError.INVALID_PARAMS) return List.of();
        if (ex.result() != null && ex.result().isError()) return List.of();
        if (ex.error() != null) {
            return List.of(finding(ex, Severity.MEDIUM, "failed with error " + ex.error().code() + " instead of -32602 on "
                    + probe.description() + " (the bad input reached the handler?): " + DynamicFindings.cut(ex.error().message())));
        }
        return List.of(finding(ex, Severity.HIGH, "executed a call with " + probe.description()));
    }

    private Finding finding(ToolExchange ex, Severity sev, String what) {
        return DynamicFindings.onResult(this, sev, ex.toolName(), "", ex.toolName() + " " + what,
                "arguments: " + DynamicFindings.cut(ex.arguments().toString()), FIX);
    }
}
