package dev.mcpworkbench.inspector.rules.dynamic;

import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.Rule;
import dev.mcpworkbench.inspector.rules.RuleSettings;
import java.util.List;

/**
 * A dynamic rule that judges a whole session rather than one call: repeated tool lists, transport
 * probes, session ids. It sees only what the exerciser or the probes recorded.
 */
public interface SessionRule extends Rule {
    List<Finding> check(SessionEvidence evidence, RuleSettings settings);
}
