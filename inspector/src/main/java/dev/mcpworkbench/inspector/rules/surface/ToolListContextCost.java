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

    @Override
    public RuleMetadata metadata() {
        return META;
    }

    @Override
    public List<Finding> check(ScanSubject s) {
        List<Finding> out = new ArrayList<>();
        int tokens = s.toolListTokens();
        int medium = s.settings().integer(META.id(), "medium", 5_000);
        int high = s.settings().integer(META.id(), "high", 10_000);
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
            int budget = s.settings().integer(META.id(), "workspace", 25_000);
            if (workspace > budget) {
                out.add(RuleSupport.finding(META, Severity.HIGH,
                        "The connected servers together cost " + workspace + " tokens of tool definitions (budget " + budget + ")",
                        Location.server(), workspace + " tokens across " + (s.context().otherServers().size() + 1) + " servers",
                        "Disconnect servers this task does not need, or ask their authors for smaller toolsets."));
            }
        }
        return out;
    }
}
