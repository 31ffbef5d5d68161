package dev.mcpworkbench.inspector.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.RuleMetadata;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.ScanSummary;
import dev.mcpworkbench.inspector.rules.ServerSection;
import dev.mcpworkbench.inspector.rules.Severity;
import dev.mcpworkbench.inspector.rules.SuppressedFinding;
import java.io.IOException;
import java.io.Writer;

/** The finding model as is, plus a summary: for scripts and the app's export. */
public final class JsonReport {

    private JsonReport() {
    }

    public static String render(ScanResult result, String toolVersion) {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            write(result, toolVersion, out);
        } catch (IOException e) {
            throw new IllegalStateException("JSON serialization failed", e);
        }
        return out.toString();
    }

    /** Streams the report one finding at a time (see {@link SarifReport#write}); same document as {@link #toJson}. */
    public static void write(ScanResult result, String toolVersion, Writer out) throws IOException {
        try (JsonGenerator g = SarifReport.MAPPER.writer().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.writeStartObject();
            g.writeStringField("tool", "MCP Workbench");
            g.writeStringField("toolVersion", toolVersion == null ? "dev" : toolVersion);
            g.writeFieldName("summary");
            g.writeTree(summary(result));
            g.writeArrayFieldStart("findings");
            for (Finding f : result.findings()) g.writeTree(finding(f));
            g.writeEndArray();
            g.writeArrayFieldStart("suppressed");
            for (SuppressedFinding sf : result.suppressed()) g.writeTree(suppressed(sf));
            g.writeEndArray();
            g.writeArrayFieldStart("rules");
            for (RuleMetadata m : ReportSupport.rules(result).values()) g.writeTree(SarifReport.MAPPER.valueToTree(m));
            g.writeEndArray();
            g.writeArrayFieldStart("errors");
            for (String e : result.errors()) g.writeString(e);
            g.writeEndArray();
            if (!result.servers().isEmpty()) {
                g.writeFieldName("workspace");
                g.writeTree(workspace(result));
                g.writeArrayFieldStart("servers");
                for (ServerSection server : result.servers()) g.writeTree(server(server));
                g.writeEndArray();
            }
            g.writeEndObject();
        }
    }

    public static ObjectNode toJson(ScanResult result, String toolVersion) {
        ObjectNode root = SarifReport.MAPPER.createObjectNode();
        root.put("tool", "MCP Workbench");
        root.put("toolVersion", toolVersion == null ? "dev" : toolVersion);
        root.set("summary", summary(result));
        ArrayNode findings = root.putArray("findings");
        for (Finding f : result.findings()) findings.add(finding(f));
        ArrayNode suppressed = root.putArray("suppressed");
        for (SuppressedFinding sf : result.suppressed()) suppressed.add(suppressed(sf));
        ArrayNode rules = root.putArray("rules");
        for (RuleMetadata m : ReportSupport.rules(result).values()) rules.add(SarifReport.MAPPER.valueToTree(m));
        ArrayNode errors = root.putArray("errors");
        result.errors().forEach(errors::add);
        if (!result.servers().isEmpty()) {
            root.set("workspace", workspace(result));
            ArrayNode servers = root.putArray("servers");
            for (ServerSection server : result.servers()) servers.add(server(server));
        }
        return root;
    }

    /** A report of several servers: what was found across them (also in the top-level {@code findings}). */
    private static ObjectNode workspace(ScanResult result) {
        ObjectNode n = SarifReport.MAPPER.createObjectNode();
        n.set("counts", counts(result.workspaceFindings()));
        ArrayNode findings = n.putArray("findings");
        for (Finding f : result.workspaceFindings()) findings.add(finding(f));
        ArrayNode suppressed = n.putArray("suppressed");
        for (SuppressedFinding sf : result.workspaceSuppressed()) suppressed.add(suppressed(sf));
        return n;
    }

    /** One server of several: what it is, and its own findings (also in the top-level {@code findings}). */
    private static ObjectNode server(ServerSection server) {
        ObjectNode n = SarifReport.MAPPER.createObjectNode();
        n.put("name", server.name());
        n.put("source", server.source());
        n.put("transport", server.transport());
        n.put("scanned", server.scanned());
        if (server.scanned()) n.putNull("error");
        else n.put("error", server.error());
        n.put("toolCount", server.toolCount());
        n.put("resourceCount", server.resourceCount());
        n.put("promptCount", server.promptCount());
        n.set("counts", counts(server.ownFindings()));
        ArrayNode findings = n.putArray("findings");
        for (Finding f : server.ownFindings()) findings.add(finding(f));
        ArrayNode suppressed = n.putArray("suppressed");
        for (SuppressedFinding sf : server.ownSuppressed()) suppressed.add(suppressed(sf));
        ArrayNode errors = n.putArray("errors");
        if (server.result() != null) server.result().errors().forEach(errors::add);
        return n;
    }

    private static ObjectNode counts(java.util.List<Finding> findings) {
        ObjectNode counts = SarifReport.MAPPER.createObjectNode();
        for (Severity sev : Severity.values()) counts.put(sev.label(), MarkdownServersReport.count(findings, sev));
        return counts;
    }

    private static ObjectNode suppressed(SuppressedFinding sf) {
        ObjectNode n = finding(sf.finding());
        n.set("suppression", SarifReport.MAPPER.valueToTree(sf.suppression()));
        return n;
    }

    private static ObjectNode summary(ScanResult result) {
        ScanSummary s = result.summary();
        ObjectNode summary = SarifReport.MAPPER.createObjectNode();
        summary.put("server", s.serverName());
        summary.put("serverVersion", s.serverVersion());
        summary.put("toolCount", s.toolCount());
        summary.put("toolListTokens", s.toolListTokens());
        summary.put("schemaTightness", Math.round(s.schemaTightness() * 1000) / 1000.0);
        ObjectNode counts = summary.putObject("counts");
        for (Severity sev : Severity.values()) counts.put(sev.label(), s.count(sev));
        summary.put("suppressed", s.suppressedCount());
        summary.put("line", s.oneLine());
        return summary;
    }

    private static ObjectNode finding(Finding f) {
        ObjectNode n = SarifReport.MAPPER.valueToTree(f);
        n.put("severity", f.severity().label());
        n.put("fingerprint", f.fingerprint());
        return n;
    }
}
