package dev.mcpworkbench.inspector.rules.drift;

import dev.mcpworkbench.inspector.rules.*;
import java.util.ArrayList;
import java.util.List;

/** DRIFT-001: the server's definitions changed since the user pinned them (a possible rug pull). */
public final class DefinitionChanged implements StaticRule {

    public static final RuleMetadata META = RuleSupport.meta("DRIFT-001", "Definition changed since pinned", Category.DRIFT,
            Severity.HIGH, List.of("MCP03"),
            "Users approve a server once; a server that later changes a tool's description or schema can turn an approved tool malicious without anyone looking again.");

    @Override
    public RuleMetadata metadata() {
        return META;
    }

    @Override
    public List<Finding> check(ScanSubject s) {
        Baseline baseline = s.context().baseline();
        if (baseline == null) return List.of();
        boolean sameVersion = baseline.serverVersion().equals(s.snapshot().serverVersion());
        List<Finding> out = new ArrayList<>();
        for (DefinitionChange change : Pins.diff(baseline, s.snapshot())) {
            out.add(finding(change, sameVersion, baseline, s));
        }
        return out;
    }

    private static Finding finding(DefinitionChange c, boolean sameVersion, Baseline baseline, ScanSubject s) {
        Severity sev = switch (c.kind()) {
            case ADDED -> Severity.HIGH;
            case CHANGED -> sameVersion ? Severity.HIGH : Severity.MEDIUM;
            case REMOVED -> Severity.LOW;
        };
        String versionNote = sameVersion ? " under the same serverInfo.version " + (baseline.serverVersion().isEmpty() ? "(none)" : baseline.serverVersion())
                : " (version " + baseline.serverVersion() + " → " + s.snapshot().serverVersion() + ")";
        String what = switch (c.kind()) {
            case ADDED -> "New " + c.itemKind() + " '" + c.itemName() + "' since the pin";
            case REMOVED -> c.itemKind() + " '" + c.itemName() + "' was removed since the pin";
            case CHANGED -> c.itemKind() + (c.itemName().isEmpty() ? "" : " '" + c.itemName() + "'") + " changed since the pin" + versionNote;
        };
        StringBuilder evidence = new StringBuilder();
        for (DefinitionChange.FieldChange f : c.fields()) {
            evidence.append(f.pointer().isEmpty() ? "/" : f.pointer()).append(": ")
                    .append(f.before() == null ? "(absent)" : clip(f.before())).append(" → ")
                    .append(f.after() == null ? "(absent)" : clip(f.after())).append('\n');
        }
        return RuleSupport.finding(META, sev, what, location(c), evidence.toString().trim(),
                "Review the change; if you trust it, re-pin the server to make this the new baseline.");
    }

    private static String clip(String s) {
        return dev.mcpworkbench.inspector.rules.text.Texts.spellOut(dev.mcpworkbench.inspector.rules.text.Texts.clip(s, 300));
    }

    private static Location location(DefinitionChange c) {
        return switch (c.itemKind()) {
            case "tool" -> Location.tool(c.itemName(), "");
            case "prompt" -> new Location(Location.Kind.PROMPT, c.itemName(), "");
            case "resourceTemplate" -> new Location(Location.Kind.RESOURCE_TEMPLATE, c.itemName(), "");
            default -> new Location(Location.Kind.INSTRUCTIONS, "", "");
        };
    }
}
