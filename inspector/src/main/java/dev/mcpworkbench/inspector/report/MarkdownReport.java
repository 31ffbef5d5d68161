package dev.mcpworkbench.inspector.report;

import static dev.mcpworkbench.inspector.report.MarkdownText.code;
import static dev.mcpworkbench.inspector.report.MarkdownText.fenced;
import static dev.mcpworkbench.inspector.report.MarkdownText.inline;

import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.RuleDocs;
import dev.mcpworkbench.inspector.rules.RuleMetadata;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.ScanSummary;
import dev.mcpworkbench.inspector.rules.Severity;
import dev.mcpworkbench.inspector.rules.SuppressedFinding;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pull-request comment: a summary table, then findings grouped by rule (worst first). Server
 * text is untrusted: every piece of it goes through {@link MarkdownText} (running text escaped,
 * code spans and fenced evidence with every line ending handled), and the report is streamed.
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(ScanResult result) {
        StringWriter out = new StringWriter();
        try {
            write(result, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static void write(ScanResult result, Writer md) throws IOException {
        if (!result.servers().isEmpty()) {
            MarkdownServersReport.write(result, md);
            return;
        }
        ScanSummary s = result.summary();
        md.append("## MCP Workbench scan: ").append(inline(s.serverName()))
                .append(s.serverVersion().isEmpty() ? "" : " " + inline(s.serverVersion())).append("\n\n");
        md.append(inline(s.oneLine())).append(". Tool list: ").append(String.valueOf(s.toolListTokens()))
                .append(" tokens; schema tightness ").append(String.valueOf(Math.round(s.schemaTightness() * 100))).append("%.\n\n");
        md.append("| Severity | Findings |\n|---|---:|\n");
        for (Severity sev : Severity.values()) md.append("| ").append(sev.label()).append(" | ").append(String.valueOf(s.count(sev))).append(" |\n");
        if (s.suppressedCount() > 0) md.append("| suppressed | ").append(String.valueOf(s.suppressedCount())).append(" |\n");
        md.append('\n');
        Map<String, RuleMetadata> rules = ReportSupport.rules(result);
        byRule(md, result.findings(), rules, "### ");
        suppressed(md, result.suppressed());
        if (result.findings().isEmpty()) md.append("No findings.\n");
        errors(md, result.errors());
    }

    /** Findings grouped by rule, in the order they come, each group under a heading of {@code level}. */
    static void byRule(Writer md, List<Finding> findings, Map<String, RuleMetadata> rules, String level) throws IOException {
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        for (Finding f : findings) byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f);
        for (Map.Entry<String, List<Finding>> e : byRule.entrySet()) {
            RuleMetadata m = rules.get(e.getKey());
            md.append(level).append(inline(e.getKey())).append(' ').append(inline(ReportSupport.title(rules, e.getKey())))
                    .append(" (").append(String.valueOf(e.getValue().size())).append(")\n\n");
            if (m != null) md.append(inline(m.rationale())).append(" [Rule details](").append(RuleDocs.helpUri(m)).append(")\n\n");
            for (Finding f : e.getValue()) finding(md, f);
        }
    }

    /** Suppressed findings, folded. */
    static void suppressed(Writer md, List<SuppressedFinding> suppressed) throws IOException {
        if (suppressed.isEmpty()) return;
        md.append("<details><summary>Suppressed findings (").append(String.valueOf(suppressed.size())).append(")</summary>\n\n");
        for (SuppressedFinding sf : suppressed) {
            md.append("- ").append(inline(sf.finding().ruleId())).append(' ').append(inline(sf.finding().location().display()))
                    .append(": ").append(inline(sf.finding().message())).append(" (reason: ").append(inline(sf.suppression().reason())).append(")\n");
        }
        md.append("\n</details>\n");
    }

    static void errors(Writer md, List<String> errors) throws IOException {
        if (errors.isEmpty()) return;
        md.append("\n**Not everything could be scanned:**\n\n");
        for (String error : errors) md.append("- ").append(inline(error)).append('\n');
    }

    private static void finding(Writer md, Finding f) throws IOException {
        md.append("- **").append(f.severity().label()).append("** ").append(code(f.location().display())).append(": ")
                .append(inline(f.message())).append('\n');
        if (!f.evidence().isBlank()) md.append(fenced(f.evidence(), "  "));
        if (!f.fix().isBlank()) md.append("  Fix: ").append(inline(f.fix())).append('\n');
    }
}
