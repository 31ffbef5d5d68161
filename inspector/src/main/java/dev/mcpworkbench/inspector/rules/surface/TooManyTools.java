package dev.mcpworkbench.inspector.rules.surface;

import dev.mcpworkbench.inspector.rules.*;
import java.util.List;

/** SURFACE-001: every tool is a choice the model must make and an entry point an attacker can aim at. */
public final class TooManyTools implements StaticRule {

    public static final RuleMetadata META = RuleSupport.meta("SURFACE-001", "Too many tools", Category.SURFACE,
            Severity.MEDIUM, List.of("MCP03", "MCP02"),
            "Large tool lists dilute tool selection, get truncated by clients (40, 50, 128 tools) and widen what a hijacked agent can do.");

    static final RuleSetting MEDIUM = RuleSetting.of("medium", 20, "tool count above which the finding is Medium");
    static final RuleSetting HIGH = RuleSetting.of("high", 40, "tool count above which the finding is High");

    @Override
    public List<RuleSetting> settings() {
        return List.of(MEDIUM, HIGH);
    }

    @Override
    public RuleMetadata metadata() {
        return META;
    }

    @Override
    public List<Finding> check(ScanSubject s) {
        int count = s.snapshot().tools().size();
        int medium = s.settings().integer(META.id(), MEDIUM);
        int high = s.settings().integer(META.id(), HIGH);
        if (count <= medium) return List.of();
        Severity sev = count > high ? Severity.HIGH : Severity.MEDIUM;
        return List.of(RuleSupport.finding(META, sev,
                count + " tools exposed (threshold " + (sev == Severity.HIGH ? high : medium) + ")",
                Location.server(), count + " tools",
                "Merge tools around user outcomes, split rarely used ones into a separate server, or let users enable toolsets."));
    }
}
