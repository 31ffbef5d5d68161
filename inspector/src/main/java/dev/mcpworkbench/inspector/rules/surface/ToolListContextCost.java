package dev.mcpworkbench.inspector.rules.surface;

import dev.mcpworkbench.inspector.rules.*;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.util.ArrayList;
import java.util.List;

/** SURFACE-002: the tool list is paid for in context on every turn. */
public final class ToolListContextCost implements StaticRule {

    public static final RuleMetadata META = RuleSupport.meta("SURFACE-002", "Context cost of the tool list", Category.SURFACE,
            Severity.MEDIUM, List.of("MCP10"),
            "Tool definitions and server instructions are sent to the model on every request; a heavy list crowds out the user's task and hides injected text in bulk.");

    static final RuleSetting MEDIUM = RuleSetting.of("medium", 5000, "tool-list tokens (o200k) above which the finding is Medium");
    static final RuleSetting HIGH = RuleSetting.of("high", 10000, "tool-list tokens above which the finding is High");
    static final RuleSetting WORKSPACE = RuleSetting.of("workspace", 25000, "tokens of all connected servers together above which the finding is High");

    @Override
    public List<RuleSetting> settings() {
        return List.of(MEDIUM, HIGH, WORKSPACE);
    }

    @Override
    public RuleMetadata metadata() {
        return META;
    }

    @Override
    public List<Finding> check(ScanSubject s) {
        List<Finding> out = new ArrayList<>();
        int tokens = s.toolListTokens();
        int medium = s.settings().integer(META.id(), MEDIUM);
        int high = s.settings().integer(META.id(), HIGH);
        if (tokens > medium) {
            Severity sev = tokens > high ? Severity.HIGH : Severity.MEDIUM;
            out.add(RuleSupport.finding(META, sev,
                    "tools/list and instructions cost " + tokens + " tokens (o200k_base), threshold " + (sev == Severity.HIGH ? high : medium),
                    Location.server(), tokens + " tokens for " + s.snapshot().tools().size() + " tools",
                    "Shorten descriptions to what the model needs to choose and call the tool; drop rarely used tools; move reference material to resources."));
        }
        if (!s.context().otherServers().isEmpty()) {
            int workspace = tokens;
            for (ServerSnapshot other : s.context().otherServers()) workspace += ScanSubject.toolListTokens(other);
            int budget = s.settings().integer(META.id(), WORKSPACE);
            if (workspace > budget) {
                out.add(RuleSupport.finding(META, Severity.HIGH,
                        "The connected servers together cost " + workspace + " tokens of tool definitions (budget " + budget + ")",
                        Location.server(), workspace + " tokens across " + (s.context().otherServers().size() + 1) + " servers",
                        "Disconnect servers this task does not need, or ask their authors for smaller toolsets.")
                        .withScope(Finding.Scope.WORKSPACE));
            }
        }
        return out;
    }
}
