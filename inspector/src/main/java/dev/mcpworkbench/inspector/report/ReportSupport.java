package dev.mcpworkbench.inspector.report;

import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.Rule;
import dev.mcpworkbench.inspector.rules.RuleMetadata;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.SuppressedFinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the report writers share: rule lookup by id, ordering. */
final class ReportSupport {

    private ReportSupport() {
    }

    /** Metadata of every rule that ran or produced a finding, in catalog order. */
    static Map<String, RuleMetadata> rules(ScanResult result) {
        Map<String, RuleMetadata> byId = new LinkedHashMap<>();
        for (Rule r : result.rules()) byId.put(r.id(), r.metadata());
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
