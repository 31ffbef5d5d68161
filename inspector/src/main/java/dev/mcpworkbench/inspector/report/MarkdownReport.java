package dev.mcpworkbench.inspector.report;

import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.RuleDocs;
import dev.mcpworkbench.inspector.rules.RuleMetadata;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.ScanSummary;
import dev.mcpworkbench.inspector.rules.Severity;
import dev.mcpworkbench.inspector.rules.SuppressedFinding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pull-request comment: a summary table, then findings grouped by rule (worst first).
 * Server text is untrusted: inline text is escaped, evidence goes in fenced blocks whose fence
 * is longer than any backtick run inside.
 */
public final class MarkdownReport {

    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private MarkdownReport() {
    }

    public static String render(ScanResult result) {
        StringBuilder md = new StringBuilder();
        ScanSummary s = result.summary();
        md.append("## MCP Workbench scan: ").append(inline(s.serverName()))
                .append(s.serverVersion().isEmpty() ? "" : " " + inline(s.serverVersion())).append("\n\n");
        md.append(inline(s.oneLine())).append(". Tool list: ").append(s.toolListTokens())
                .append(" tokens; schema tightness ").append(Math.round(s.schemaTightness() * 100)).append("%.\n\n");
        md.append("| Severity | Findings |\n|---|---:|\n");
        for (Severity sev : Severity.values()) md.append("| ").append(sev.label()).append(" | ").append(s.count(sev)).append(" |\n");
        if (s.suppressedCount() > 0) md.append("| suppressed | ").append(s.suppressedCount()).append(" |\n");
        md.append('\n');
        Map<String, RuleMetadata> rules = ReportSupport.rules(result);
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        for (Finding f : result.findings()) byRule.computeIfAbsent(f.ruleId(), k -> new java.util.ArrayList<>()).add(f);
        for (Map.Entry<String, List<Finding>> e : byRule.entrySet()) {
            RuleMetadata m = rules.get(e.getKey());
            md.append("### ").append(e.getKey()).append(' ').append(inline(ReportSupport.title(rules, e.getKey())))
                    .append(" (").append(e.getValue().size()).append(")\n\n");
            if (m != null) md.append(inline(m.rationale())).append(" [Rule details](").append(RuleDocs.helpUri(m)).append(")\n\n");
            for (Finding f : e.getValue()) finding(md, f);
        }
        if (!result.suppressed().isEmpty()) {
            md.append("<details><summary>Suppressed findings (").append(result.suppressed().size()).append(")</summary>\n\n");
            for (SuppressedFinding sf : result.suppressed()) {
                md.append("- ").append(sf.finding().ruleId()).append(' ').append(inline(sf.finding().location().display()))
                        .append(": ").append(inline(sf.finding().message())).append(" (reason: ").append(inline(sf.suppression().reason())).append(")\n");
            }
            md.append("\n</details>\n");
        }
        if (result.findings().isEmpty()) md.append("No findings.\n");
        if (!result.errors().isEmpty()) {
            md.append("\n**Not everything could be scanned:**\n\n");
            for (String error : result.errors()) md.append("- ").append(inline(error)).append('\n');
        }
        return md.toString();
    }

    private static void finding(StringBuilder md, Finding f) {
        md.append("- **").append(f.severity().label()).append("** `").append(code(f.location().display())).append("`: ")
                .append(inline(f.message())).append('\n');
        if (!f.evidence().isBlank()) md.append(fenced(f.evidence(), "  "));
        if (!f.fix().isBlank()) md.append("  Fix: ").append(inline(f.fix())).append('\n');
    }

    /** Escapes what Markdown or GitHub's HTML subset would interpret. */
    static String inline(String text) {
        String t = text.replace("\r", " ").replace("\n", " ");
        StringBuilder b = new StringBuilder(t.length());
        for (char c : t.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\\', '`', '*', '_', '[', ']', '|', '#', '!', '~' -> b.append('\\').append(c);
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String code(String text) {
        return text.replace("`", "'").replace("\n", " ");
    }

    private static String fenced(String text, String indent) {
        int longest = 2;
        Matcher m = BACKTICKS.matcher(text);
        while (m.find()) longest = Math.max(longest, m.group().length());
        String fence = "`".repeat(longest + 1);
        StringBuilder b = new StringBuilder();
        b.append(indent).append(fence).append("text\n");
        for (String line : text.split("\n", -1)) b.append(indent).append(line).append('\n');
        b.append(indent).append(fence).append('\n');
        return b.toString();
    }
}
