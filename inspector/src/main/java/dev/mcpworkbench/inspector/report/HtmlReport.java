package dev.mcpworkbench.inspector.report;

import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.RuleDocs;
import dev.mcpworkbench.inspector.rules.RuleMetadata;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.ScanSummary;
import dev.mcpworkbench.inspector.rules.Severity;
import dev.mcpworkbench.inspector.rules.SuppressedFinding;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML page: inline CSS, no scripts, no external resources. Every piece of
 * server-supplied text is HTML-escaped; links are only the rule pages the tool itself builds.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    public static String render(ScanResult result, String toolVersion) {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            write(result, toolVersion, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Streams the page; each finding's card is built and written on its own. */
    public static void write(ScanResult result, String toolVersion, Writer h) throws IOException {
        if (!result.servers().isEmpty()) {
            HtmlServersReport.write(result, toolVersion, h);
            return;
        }
        ScanSummary s = result.summary();
        Map<String, RuleMetadata> rules = ReportSupport.rules(result);
        head(h, s, "");
        h.append("<header><h1>").append(esc(s.serverName().isEmpty() ? "MCP server" : s.serverName()))
                .append(s.serverVersion().isEmpty() ? "" : " <span class=\"ver\">" + esc(s.serverVersion()) + "</span>")
                .append("</h1><p class=\"sub\">MCP Workbench ").append(esc(toolVersion == null ? "dev" : toolVersion))
                .append(" static scan · ").append(String.valueOf(s.toolCount())).append(" tools · ").append(String.valueOf(s.toolListTokens()))
                .append(" tool-list tokens · schema tightness ").append(String.valueOf(Math.round(s.schemaTightness() * 100))).append("%</p></header>");
        summary(h, s);
        Map<String, List<Finding>> byItem = byItem(result.findings());
        if (!byItem.isEmpty()) {
            h.append("<nav><h2>Contents</h2><ul>");
            int i = 0;
            for (Map.Entry<String, List<Finding>> e : byItem.entrySet()) {
                h.append("<li><a href=\"#item-").append(String.valueOf(i++)).append("\">").append(esc(e.getKey())).append("</a> <span class=\"count\">")
                        .append(String.valueOf(e.getValue().size())).append("</span></li>");
            }
            h.append("</ul></nav>");
        } else {
            h.append("<p class=\"empty\">No findings.</p>");
        }
        int i = 0;
        for (Map.Entry<String, List<Finding>> e : byItem.entrySet()) {
            h.append("<section id=\"item-").append(String.valueOf(i++)).append("\"><h2>").append(esc(e.getKey())).append("</h2>");
            for (Finding f : e.getValue()) h.append(card(f, rules, null));
            h.append("</section>");
        }
        if (!result.suppressed().isEmpty()) {
            h.append("<section class=\"suppressed\"><h2>Suppressed (").append(String.valueOf(result.suppressed().size())).append(")</h2>");
            for (SuppressedFinding sf : result.suppressed()) h.append(card(sf.finding(), rules, sf.suppression().reason()));
            h.append("</section>");
        }
        errorsAndFooter(h, result.errors());
    }

    /** The page's head, with {@code moreCss} after the shared style sheet. */
    static void head(Writer h, ScanSummary s, String moreCss) throws IOException {
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
                .append("<title>MCP Workbench report: ").append(esc(s.serverName())).append("</title><style>").append(CSS).append(moreCss).append("</style></head><body>");
    }

    /** Findings by the tool, resource or prompt they are on (server-level ones first), worst first within each. */
    static Map<String, List<Finding>> byItem(List<Finding> findings) {
        Map<String, List<Finding>> byItem = new LinkedHashMap<>();
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(java.util.Comparator.comparing((Finding f) -> f.location().kind()).thenComparing(f -> f.location().name()).thenComparing(Finding::severity));
        for (Finding f : sorted) byItem.computeIfAbsent(itemLabel(f), k -> new ArrayList<>()).add(f);
        return byItem;
    }

    static void errorsAndFooter(Writer h, List<String> errors) throws IOException {
        if (!errors.isEmpty()) {
            h.append("<section><h2>Not everything could be scanned</h2><ul>");
            for (String err : errors) h.append("<li>").append(esc(err)).append("</li>");
            h.append("</ul></section>");
        }
        h.append("<footer>Generated by MCP Workbench. Rule pages: <a href=\"").append(esc(RuleDocs.base())).append("docs/rules/\">")
                .append(esc(RuleDocs.base())).append("docs/rules/</a></footer></body></html>\n");
    }

    static void summary(Writer h, ScanSummary s) throws IOException {
        h.append("<section class=\"summary\"><div class=\"tiles\">");
        for (Severity sev : Severity.values()) {
            h.append("<div class=\"tile sev-").append(sev.label()).append("\"><span class=\"n\">").append(String.valueOf(s.count(sev)))
                    .append("</span><span class=\"l\">").append(sev.label()).append("</span></div>");
        }
        if (s.suppressedCount() > 0) {
            h.append("<div class=\"tile\"><span class=\"n\">").append(String.valueOf(s.suppressedCount())).append("</span><span class=\"l\">suppressed</span></div>");
        }
        h.append("</div><p>").append(esc(s.oneLine())).append("</p></section>");
    }

    static StringBuilder card(Finding f, Map<String, RuleMetadata> rules, String suppressedReason) {
        StringBuilder h = new StringBuilder(512);
        RuleMetadata m = rules.get(f.ruleId());
        h.append("<article class=\"finding sev-").append(f.severity().label()).append("\">")
                .append("<div class=\"head\"><span class=\"badge sev-").append(f.severity().label()).append("\">")
                .append(f.severity().label()).append("</span> <span class=\"rule\">");
        if (m != null) h.append("<a href=\"").append(esc(RuleDocs.helpUri(m))).append("\">").append(esc(f.ruleId())).append("</a> ").append(esc(m.title()));
        else h.append(esc(f.ruleId()));
        h.append("</span></div><p class=\"msg\">").append(esc(f.message())).append("</p>");
        if (!f.location().jsonPointer().isEmpty()) h.append("<p class=\"ptr\"><code>").append(esc(f.location().jsonPointer())).append("</code></p>");
        if (!f.evidence().isBlank()) h.append("<pre>").append(esc(f.evidence())).append("</pre>");
        if (!f.fix().isBlank()) h.append("<p class=\"fix\"><strong>Fix:</strong> ").append(esc(f.fix())).append("</p>");
        if (m != null && !m.owaspIds().isEmpty()) {
            h.append("<p class=\"owasp\">");
            for (String o : m.owaspIds()) h.append("<span class=\"tag\">").append(esc(o)).append(' ').append(esc(RuleDocs.owaspTitle(o))).append("</span> ");
            h.append("</p>");
        }
        if (suppressedReason != null) h.append("<p class=\"reason\">Suppressed: ").append(esc(suppressedReason)).append("</p>");
        return h.append("</article>");
    }

    private static String itemLabel(Finding f) {
        String kind = f.location().kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return f.location().name().isEmpty() ? kind : kind + " " + f.location().name();
    }

    /** HTML-escapes untrusted text, including quotes (it may land in attributes). */
    public static String esc(String text) {
        if (text == null) return "";
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static final String CSS = """
            :root{--bg:#fbfbfd;--fg:#1d2130;--muted:#667085;--card:#fff;--line:#e4e7ec;--crit:#7a0916;--high:#c4320a;--med:#b54708;--low:#175cd3;--info:#475467}
            @media (prefers-color-scheme:dark){:root{--bg:#11131a;--fg:#e6e8ee;--muted:#98a2b3;--card:#1a1d27;--line:#2c3040;--crit:#ff6b81;--high:#ff8a4c;--med:#fdb022;--low:#84adff;--info:#98a2b3}}
            *{box-sizing:border-box}body{margin:0 auto;max-width:1000px;padding:24px;font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:var(--bg);color:var(--fg)}
            h1{margin:0;font-size:26px}.ver{font-size:16px;color:var(--muted);font-weight:400}.sub{color:var(--muted);margin:4px 0 20px}
            h2{font-size:18px;margin:28px 0 10px;border-bottom:1px solid var(--line);padding-bottom:4px}
            .tiles{display:flex;gap:10px;flex-wrap:wrap}.tile{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:10px 16px;min-width:96px;text-align:center}
            .tile .n{display:block;font-size:26px;font-weight:700}.tile .l{color:var(--muted);text-transform:uppercase;font-size:11px;letter-spacing:.06em}
            .tile.sev-critical .n{color:var(--crit)}.tile.sev-high .n{color:var(--high)}.tile.sev-medium .n{color:var(--med)}.tile.sev-low .n{color:var(--low)}.tile.sev-info .n{color:var(--info)}
            nav ul{columns:2;padding-left:18px}nav a{color:inherit}.count{color:var(--muted);font-size:12px}
            .finding{background:var(--card);border:1px solid var(--line);border-left:4px solid var(--info);border-radius:8px;padding:12px 16px;margin:10px 0}
            .finding.sev-critical{border-left-color:var(--crit)}.finding.sev-high{border-left-color:var(--high)}.finding.sev-medium{border-left-color:var(--med)}.finding.sev-low{border-left-color:var(--low)}
            .badge{display:inline-block;border-radius:999px;padding:1px 9px;font-size:11px;font-weight:700;text-transform:uppercase;color:#fff;background:var(--info)}
            .badge.sev-critical{background:var(--crit)}.badge.sev-high{background:var(--high)}.badge.sev-medium{background:var(--med)}.badge.sev-low{background:var(--low)}
            .rule a{color:inherit;font-weight:600}.msg{margin:6px 0}.ptr code{color:var(--muted)}
            pre{background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:8px 10px;white-space:pre-wrap;word-break:break-word;max-height:320px;overflow:auto;font:13px/1.45 ui-monospace,Menlo,Consolas,monospace}
            .tag{display:inline-block;font-size:12px;color:var(--muted);border:1px solid var(--line);border-radius:4px;padding:0 6px;margin-right:4px}
            .suppressed .finding{opacity:.7}.reason{font-style:italic}.empty{font-size:18px}footer{margin-top:40px;color:var(--muted);font-size:12px}footer a{color:inherit}
            """;
}
