package dev.mcpworkbench.inspector.report;

import static dev.mcpworkbench.inspector.report.MarkdownText.code;
import static dev.mcpworkbench.inspector.report.MarkdownText.inline;

import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.RuleMetadata;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.ScanSummary;
import dev.mcpworkbench.inspector.rules.ServerSection;
import dev.mcpworkbench.inspector.rules.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * The Markdown report of several servers: a table with a row per server, the Workspace section
 * (what was found across servers), then a section per server with its own findings grouped by rule
 * as a one-server report groups them. Escaped as {@link MarkdownReport} is.
 */
final class MarkdownServersReport {

    private MarkdownServersReport() {
    }

    static void write(ScanResult result, Writer md) throws IOException {
        ScanSummary s = result.summary();
        List<ServerSection> servers = result.servers();
        md.append("## MCP Workbench scan: ").append(inline(s.serverName())).append("\n\n");
        md.append(inline(s.oneLine())).append(". Tool lists: ").append(String.valueOf(s.toolListTokens())).append(" tokens together. ")
                .append(ReportSupport.serversLine(result)).append(".\n\n");
        table(md, result);
        Map<String, RuleMetadata> rules = ReportSupport.rules(result);

        md.append("### Workspace (across servers)\n\n");
        List<Finding> across = result.workspaceFindings();
        MarkdownReport.byRule(md, across, rules, "#### ");
        MarkdownReport.suppressed(md, result.workspaceSuppressed());
        if (across.isEmpty()) md.append("No findings across servers.\n");
        md.append('\n');

        int n = 0;
        for (ServerSection server : servers) {
            n++;
            md.append("### Server ").append(String.valueOf(n)).append(" of ").append(String.valueOf(servers.size())).append(": ")
                    .append(code(server.name())).append("\n\n");
            md.append("Source: ").append(code(server.source())).append(" · transport: ").append(inline(server.transport()));
            if (server.scanned()) {
                md.append(" · ").append(ReportSupport.counted(server.toolCount(), "tool")).append(", ")
                        .append(ReportSupport.counted(server.resourceCount(), "resource")).append(", ")
                        .append(ReportSupport.counted(server.promptCount(), "prompt"));
            }
            md.append("\n\n");
            if (!server.scanned()) md.append("**Not scanned:** ").append(inline(server.error())).append("\n\n");
            List<Finding> own = server.ownFindings();
            MarkdownReport.byRule(md, own, rules, "#### ");
            MarkdownReport.suppressed(md, server.ownSuppressed());
            if (own.isEmpty()) md.append(server.scanned() ? "No findings.\n" : "No findings from what could be checked without it.\n");
            md.append('\n');
        }
        MarkdownReport.errors(md, result.errors());
    }

    private static void table(Writer md, ScanResult result) throws IOException {
        md.append("| Server | Source | Transport | Tools | Resources | Prompts |");
        for (Severity sev : Severity.values()) md.append(' ').append(sev.label()).append(" |");
        md.append(" Not scanned |\n|---|---|---|---:|---:|---:|");
        for (int i = 0; i < Severity.values().length; i++) md.append("---:|");
        md.append("---|\n");
        for (ServerSection server : result.servers()) {
            md.append("| ").append(inline(server.name())).append(" | ").append(inline(server.source())).append(" | ")
                    .append(inline(server.transport())).append(" | ");
            if (server.scanned()) {
                md.append(String.valueOf(server.toolCount())).append(" | ").append(String.valueOf(server.resourceCount())).append(" | ")
                        .append(String.valueOf(server.promptCount())).append(" |");
            } else {
                md.append("– | – | – |");
            }
            for (Severity sev : Severity.values()) md.append(' ').append(String.valueOf(server.count(sev))).append(" |");
            md.append(' ').append(server.scanned() ? "" : inline(server.error())).append(" |\n");
        }
        md.append("| Workspace (across servers) | | | | | |");
        List<Finding> across = result.workspaceFindings();
        for (Severity sev : Severity.values()) md.append(' ').append(String.valueOf(count(across, sev))).append(" |");
        md.append(" |\n");
        ScanSummary s = result.summary();
        md.append("| **All** | | | ").append(String.valueOf(s.toolCount())).append(" | | |");
        for (Severity sev : Severity.values()) md.append(' ').append(String.valueOf(s.count(sev))).append(" |");
        md.append(" |\n\n");
        if (s.suppressedCount() > 0) md.append(String.valueOf(s.suppressedCount())).append(" suppressed findings are folded under their sections.\n\n");
    }

    static int count(List<Finding> findings, Severity severity) {
        int n = 0;
        for (Finding f : findings) if (f.severity() == severity) n++;
        return n;
    }
}
