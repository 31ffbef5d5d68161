package dev.mcpworkbench.inspector.rules.surface;

import dev.mcpworkbench.inspector.rules.*;
import dev.mcpworkbench.inspector.rules.surface.Capabilities.Capability;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** SURFACE-004: capabilities that turn one injected instruction into code execution or data loss. */
public final class HighRiskCapabilities implements SurveyingRule<Set<Capability>> {

    public static final RuleMetadata META = RuleSupport.meta("SURFACE-004", "High-risk capability classes", Category.SURFACE,
            Severity.MEDIUM, List.of("MCP05"),
            "Shell, code evaluation, arbitrary URL fetch, filesystem write and raw database queries let a manipulated agent act far beyond the user's intent; combined on one server they chain.");

    static final RuleSetting HIGH_CLASSES = RuleSetting.of("highClasses", 2, "capability classes on one server that make the finding High");

    @Override
    public List<RuleSetting> settings() {
        return List.of(HIGH_CLASSES);
    }

    @Override
    public RuleMetadata metadata() {
        return META;
    }

    @Override
    public Set<Capability> survey(ToolView tool, ScanSubject s) {
        return Capabilities.of(tool, s.context().connectionTarget().map(ConnectionTarget::isRemote).orElse(false));
    }

    @Override
    public List<Finding> conclude(List<Set<Capability>> capabilities, ScanSubject s) {
        Map<Capability, List<String>> toolsByCapability = new EnumMap<>(Capability.class);
        for (int i = 0; i < capabilities.size(); i++) {
            for (Capability c : capabilities.get(i)) {
                toolsByCapability.computeIfAbsent(c, k -> new ArrayList<>()).add(s.tools().get(i).name());
            }
        }
        int highAt = s.settings().integer(META.id(), HIGH_CLASSES);
        Severity sev = toolsByCapability.size() >= highAt ? Severity.HIGH : Severity.MEDIUM;
        List<String> classes = toolsByCapability.keySet().stream().map(Capability::label).toList();
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<Capability, List<String>> e : toolsByCapability.entrySet()) {
            List<String> tools = e.getValue();
            String also = sev == Severity.HIGH ? "; this server combines " + String.join(", ", classes) : "";
            out.add(RuleSupport.finding(META, sev,
                    "High-risk capability: " + e.getKey().label() + " (" + tools.size() + (tools.size() == 1 ? " tool" : " tools") + ")" + also,
                    Location.tool(tools.get(0), ""), RuleSupport.list(tools, 10),
                    fix(e.getKey())));
        }
        return out;
    }

    private static String fix(Capability c) {
        return switch (c) {
            case SHELL -> "Replace free-form commands with specific tools for the operations users need; if a shell is unavoidable, allowlist commands and run it sandboxed.";
            case CODE_EVAL -> "Run code in a sandbox without network or secrets, and mark the tool destructive and open-world so clients ask first.";
            case URL_FETCH -> "Restrict URLs with a pattern or an allowlist of hosts, refuse private and loopback addresses, and cap response size.";
            case FILESYSTEM_WRITE -> "Confine writes to configured roots, resolve symlinks before checking, mark destructive tools as such and offer a dry run.";
            case DATABASE_QUERY -> "Offer parameterized, purpose-built queries; if raw queries must stay, use a read-only database role and a statement allowlist.";
        };
    }
}
