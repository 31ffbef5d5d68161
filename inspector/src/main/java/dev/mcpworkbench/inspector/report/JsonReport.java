package dev.mcpworkbench.inspector.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.RuleMetadata;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.ScanSummary;
import dev.mcpworkbench.inspector.rules.Severity;
import dev.mcpworkbench.inspector.rules.SuppressedFinding;

/** The finding model as is, plus a summary: for scripts and the app's export. */
public final class JsonReport {

    private JsonReport() {
    }

    public static String render(ScanResult result, String toolVersion) {
        try {
            return SarifReport.MAPPER.writeValueAsString(toJson(result, toolVersion));
        } catch (Exception e) {
            throw new IllegalStateException("JSON serialization failed", e);
        }
    }

    public static ObjectNode toJson(ScanResult result, String toolVersion) {
        ObjectNode root = SarifReport.MAPPER.createObjectNode();
        root.put("tool", "MCP Workbench");
        root.put("toolVersion", toolVersion == null ? "dev" : toolVersion);
        ScanSummary s = result.summary();
        ObjectNode summary = root.putObject("summary");
        summary.put("server", s.serverName());
        summary.put("serverVersion", s.serverVersion());
        summary.put("toolCount", s.toolCount());
        summary.put("toolListTokens", s.toolListTokens());
        summary.put("schemaTightness", Math.round(s.schemaTightness() * 1000) / 1000.0);
        ObjectNode counts = summary.putObject("counts");
        for (Severity sev : Severity.values()) counts.put(sev.label(), s.count(sev));
        summary.put("suppressed", s.suppressedCount());
        summary.put("line", s.oneLine());
        ArrayNode findings = root.putArray("findings");
        for (Finding f : result.findings()) findings.add(finding(f));
        ArrayNode suppressed = root.putArray("suppressed");
        for (SuppressedFinding sf : result.suppressed()) {
            ObjectNode n = finding(sf.finding());
            n.set("suppression", SarifReport.MAPPER.valueToTree(sf.suppression()));
            suppressed.add(n);
        }
        ArrayNode rules = root.putArray("rules");
        for (RuleMetadata m : ReportSupport.rules(result).values()) rules.add(SarifReport.MAPPER.valueToTree(m));
        ArrayNode errors = root.putArray("errors");
        result.errors().forEach(errors::add);
        return root;
    }

    private static ObjectNode finding(Finding f) {
        ObjectNode n = SarifReport.MAPPER.valueToTree(f);
        n.put("severity", f.severity().label());
        n.put("fingerprint", f.fingerprint());
        return n;
    }
}
