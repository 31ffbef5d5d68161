package dev.mcpworkbench.inspector.report;

import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.Rule;
import dev.mcpworkbench.inspector.rules.RuleMetadata;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.SuppressedFinding;
import dev.mcpworkbench.inspector.rules.catalog.AllRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the report writers share: rule lookup by id, ordering. */
final class ReportSupport {

    private ReportSupport() {
    }

    /**
     * Metadata of every rule that ran, then of every other rule a finding names (a dynamic or OAUTH
     * finding merged into a static scan), looked up in the catalog so it gets a full entry too.
     */
    static Map<String, RuleMetadata> rules(ScanResult result) {
        Map<String, RuleMetadata> byId = new LinkedHashMap<>();
        for (Rule r : result.rules()) byId.put(r.id(), r.metadata());
        for (Finding f : allFindings(result)) {
            if (!byId.containsKey(f.ruleId())) AllRules.metadata(f.ruleId()).ifPresent(m -> byId.put(m.id(), m));
        }
        return byId;
    }

    static List<Finding> allFindings(ScanResult result) {
        List<Finding> all = new ArrayList<>(result.findings());
        for (SuppressedFinding s : result.suppressed()) all.add(s.finding());
        return all;
    }

    static String title(Map<String, RuleMetadata> rules, String id) {
        RuleMetadata m = rules.get(id);
        return m == null ? id : m.title();
    }
}
