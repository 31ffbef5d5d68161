package dev.mcpworkbench.inspector.rules.dynamic;

import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.Rule;
import dev.mcpworkbench.inspector.rules.RuleSettings;
import java.util.List;

/** A rule that judges one live tool call (result, error, stderr) rather than a snapshot. */
public interface DynamicRule extends Rule {
    List<Finding> check(ToolExchange exchange, RuleSettings settings);
}
