package dev.mcpworkbench.inspector.rules.dynamic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.rules.Category;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.Location;
import dev.mcpworkbench.inspector.rules.RuleMetadata;
import dev.mcpworkbench.inspector.rules.RuleSettings;
import dev.mcpworkbench.inspector.rules.Severity;
import dev.mcpworkbench.inspector.traffic.LongTextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DRIFT-002: tools/list answers that differ within one session: on repeat, after a call, after
 * list_changed, or for a different clientInfo.name (cloaking: showing scanners a clean list).
 */
public final class MidSessionDriftRule implements SessionRule {

    private static final RuleMetadata METADATA = new RuleMetadata("DRIFT-002", "Mid-session change or cloaking", Category.DRIFT,
            Severity.HIGH, List.of("MCP03"),
            "Users and scanners approve the tools they were shown. A server that changes a definition after the "
                    + "first call, or shows a different list to a different client, bypasses that approval (a rug pull).",
            true);

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(SessionEvidence evidence, RuleSettings settings) {
        List<SessionEvidence.ToolListObservation> lists = evidence.toolLists();
        if (lists.size() < 2) return List.of();
        Map<String, JsonNode> baseline = byName(lists.get(0).tools());
        List<Finding> out = new ArrayList<>();
        for (int i = 1; i < lists.size(); i++) {
            SessionEvidence.ToolListObservation later = lists.get(i);
            Map<String, JsonNode> current = byName(later.tools());
            for (var e : current.entrySet()) {
                JsonNode before = baseline.get(e.getKey());
                if (before == null) out.add(finding(e.getKey(), later, "appeared", ""));
                else if (!LongTextNode.sameJson(before, e.getValue())) out.add(finding(e.getKey(), later, "changed", diff(before, e.getValue())));
            }
            for (String name : baseline.keySet()) {
                if (!current.containsKey(name)) out.add(finding(name, later, "disappeared", ""));
            }
        }
        return out;
    }

    private static Map<String, JsonNode> byName(JsonNode tools) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        if (tools != null) for (JsonNode t : tools) map.put(t.path("name").asText(), t);
        return map;
    }

    private static String diff(JsonNode before, JsonNode after) {
        List<String> fields = new ArrayList<>();
        for (var it = after.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!LongTextNode.sameJson(after.get(f), before.get(f))) fields.add(f);
        }
        for (var it = before.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!after.has(f)) fields.add(f + " (removed)");
        }
        String first = fields.isEmpty() ? "" : fields.get(0);
        String detail = first.isEmpty() || first.endsWith("(removed)") ? "" : ": now " + DynamicFindings.cut(after.get(first).toString());
        return "changed fields: " + String.join(", ", fields) + detail;
    }

    private Finding finding(String tool, SessionEvidence.ToolListObservation later, String what, String evidence) {
        String message = later.otherSession()
                ? "Tool " + tool + " " + switch (what) {
                    case "appeared" -> "is shown only";
                    case "disappeared" -> "is hidden";
                    default -> "is described differently";
                } + " " + later.when() + " (cloaking)"
                : "Tool " + tool + " " + what + " " + later.when() + " within one session";
        return new Finding(id(), Severity.HIGH, message,
                Location.tool(tool, ""), evidence,
                "Serve one stable tool list per server version; announce real changes with notifications/tools/list_changed "
                        + "and never vary definitions by client identity.", List.of(metadata().docPath()));
    }
}
