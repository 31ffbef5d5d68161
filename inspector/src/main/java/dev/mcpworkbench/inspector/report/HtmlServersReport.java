package dev.mcpworkbench.inspector.report;

import static dev.mcpworkbench.inspector.report.HtmlReport.esc;

import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.RuleMetadata;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.ScanSummary;
import dev.mcpworkbench.inspector.rules.ServerSection;
import dev.mcpworkbench.inspector.rules.Severity;
import dev.mcpworkbench.inspector.rules.SuppressedFinding;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * The HTML page of several servers: counts, a table with a row per server (linking to its
 * section), the Workspace section (what was found across servers), then a section per server with
 * its own findings by tool, resource or prompt as a one-server page has them. Same guarantees as
 * {@link HtmlReport}: self-contained, every server string escaped.
 */
final class HtmlServersReport {

    private static final String MORE_CSS = """
            table.servers{border-collapse:collapse;width:100%;font-size:13px;margin:16px 0}table.servers th,table.servers td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
            table.servers .n{text-align:right}table.servers a{color:inherit}.failed{color:var(--high)}h3{font-size:15px;margin:18px 0 6px}.meta{color:var(--muted);margin:0 0 8px}
            """;

    private HtmlServersReport() {
    }

    static void write(ScanResult result, String toolVersion, Writer h) throws IOException {
        ScanSummary s = result.summary();
        Map<String, RuleMetadata> rules = ReportSupport.rules(result);
        HtmlReport.head(h, s, MORE_CSS);
        h.append("<header><h1>").append(esc(s.serverName())).append("</h1><p class=\"sub\">MCP Workbench ")
                .append(esc(toolVersion == null ? "dev" : toolVersion)).append(" static scan · ").append(ReportSupport.serversLine(result)).append(" · ").append(String.valueOf(s.toolCount())).append(" tools · ").append(String.valueOf(s.toolListTokens()))
                .append(" tool-list tokens together</p></header>");
        HtmlReport.summary(h, s);
        table(h, result);

        h.append("<section id=\"workspace\" class=\"server\"><h2>Workspace (across servers)</h2>");
        List<Finding> across = result.workspaceFindings();
        if (across.isEmpty()) h.append("<p class=\"empty\">No findings across servers.</p>");
        items(h, across, result.workspaceSuppressed(), rules);
        h.append("</section>");

        int n = 0;
        for (ServerSection server : result.servers()) {
            n++;
            h.append("<section id=\"server-").append(String.valueOf(n)).append("\" class=\"server\"><h2>Server ").append(String.valueOf(n))
                    .append(" of ").append(String.valueOf(result.servers().size())).append(": ").append(esc(server.name())).append("</h2>");
            h.append("<p class=\"meta\">").append(esc(server.source())).append(" · ").append(esc(server.transport()));
            if (server.scanned()) {
                h.append(" · ").append(ReportSupport.counted(server.toolCount(), "tool")).append(", ")
                        .append(ReportSupport.counted(server.resourceCount(), "resource")).append(", ")
                        .append(ReportSupport.counted(server.promptCount(), "prompt"));
            }
            h.append("</p>");
            if (!server.scanned()) h.append("<p class=\"failed\"><strong>Not scanned:</strong> ").append(esc(server.error())).append("</p>");
            List<Finding> own = server.ownFindings();
            if (own.isEmpty()) h.append("<p class=\"empty\">No findings.</p>");
            items(h, own, server.ownSuppressed(), rules);
            h.append("</section>");
        }
        HtmlReport.errorsAndFooter(h, result.errors());
    }

    private static void table(Writer h, ScanResult result) throws IOException {
        h.append("<table class=\"servers\"><thead><tr><th>Server</th><th>Source</th><th>Transport</th><th class=\"n\">Tools</th>")
                .append("<th class=\"n\">Resources</th><th class=\"n\">Prompts</th>");
        for (Severity sev : Severity.values()) h.append("<th class=\"n\">").append(sev.label()).append("</th>");
        h.append("<th>Not scanned</th></tr></thead><tbody>");
        int n = 0;
        for (ServerSection server : result.servers()) {
            n++;
            h.append("<tr><td><a href=\"#server-").append(String.valueOf(n)).append("\">").append(esc(server.name())).append("</a></td><td>")
                    .append(esc(server.source())).append("</td><td>").append(esc(server.transport())).append("</td>");
            if (server.scanned()) {
                h.append("<td class=\"n\">").append(String.valueOf(server.toolCount())).append("</td><td class=\"n\">")
                        .append(String.valueOf(server.resourceCount())).append("</td><td class=\"n\">").append(String.valueOf(server.promptCount())).append("</td>");
            } else {
                h.append("<td class=\"n\">–</td><td class=\"n\">–</td><td class=\"n\">–</td>");
            }
            for (Severity sev : Severity.values()) h.append("<td class=\"n\">").append(String.valueOf(server.count(sev))).append("</td>");
            h.append("<td class=\"failed\">").append(server.scanned() ? "" : esc(server.error())).append("</td></tr>");
        }
        h.append("<tr><td><a href=\"#workspace\">Workspace (across servers)</a></td><td></td><td></td><td></td><td></td><td></td>");
        List<Finding> across = result.workspaceFindings();
        for (Severity sev : Severity.values()) h.append("<td class=\"n\">").append(String.valueOf(MarkdownServersReport.count(across, sev))).append("</td>");
        h.append("<td></td></tr></tbody></table>");
    }

    /** A section's findings by item under h3 headings, then its suppressed ones. */
    private static void items(Writer h, List<Finding> findings, List<SuppressedFinding> suppressed, Map<String, RuleMetadata> rules)
            throws IOException {
        for (Map.Entry<String, List<Finding>> e : HtmlReport.byItem(findings).entrySet()) {
            h.append("<h3>").append(esc(e.getKey())).append(" <span class=\"count\">").append(String.valueOf(e.getValue().size())).append("</span></h3>");
            for (Finding f : e.getValue()) h.append(HtmlReport.card(f, rules, null));
        }
        if (!suppressed.isEmpty()) {
            h.append("<div class=\"suppressed\"><h3>Suppressed (").append(String.valueOf(suppressed.size())).append(")</h3>");
            for (SuppressedFinding sf : suppressed) h.append(HtmlReport.card(sf.finding(), rules, sf.suppression().reason()));
            h.append("</div>");
        }
    }
}
