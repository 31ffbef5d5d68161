package dev.mcpworkbench.inspector.rules.dynamic;

import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.Location;
import dev.mcpworkbench.inspector.rules.Rule;
import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;

/** Builds findings that point into a tool result. */
final class DynamicFindings {

    /** Evidence longer than this is cut: findings carry a hint, the viewer shows the rest. */
    static final int MAX_EVIDENCE = 300;

    private DynamicFindings() {
    }

    static Finding onResult(Rule rule, Severity severity, String tool, String pointer, String message, String evidence, String fix) {
        return new Finding(rule.id(), severity, message, new Location(Location.Kind.TOOL_RESULT, tool, pointer),
                cut(evidence), fix, List.of(rule.metadata().docPath()));
    }

    static String cut(String s) {
        if (s == null) return "";
        return s.length() <= MAX_EVIDENCE ? s : s.substring(0, MAX_EVIDENCE) + "…";
    }

    /** A window of {@code text} around [start, end), for evidence. */
    static String around(String text, int start, int end) {
        int from = Math.max(0, start - 40);
        int to = Math.min(text.length(), Math.max(end, start) + 40);
        return (from > 0 ? "…" : "") + text.substring(from, to) + (to < text.length() ? "…" : "");
    }
}
