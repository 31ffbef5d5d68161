package dev.mcpworkbench.inspector.rules.dynamic;

import dev.mcpworkbench.inspector.payload.scan.SecretRedactor;
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

    /** Evidence is masked before it is cut, so a cut cannot leave a credential unrecognizable. */
    static String cut(String s) {
        if (s == null) return "";
        String masked = SecretRedactor.redact(s);
        if (masked.length() <= MAX_EVIDENCE) return masked;
        int end = MAX_EVIDENCE;
        if (Character.isHighSurrogate(masked.charAt(end - 1))) end--;
        return masked.substring(0, end) + "…";
    }

    /** The longest word {@link #around} widens its window for (a JWT is a few thousand characters). */
    private static final int MAX_WORD = 16_384;

    private static boolean isWordChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '+' || c == '/' || c == '=');
    }

    /**
     * A window of {@code text} around [start, end), for evidence. The window never cuts a word (a
     * run of token characters) in half: a token cut short would no longer look like one and would
     * slip past the masking every finding goes through.
     */
    static String around(CharSequence text, int start, int end) {
        int from = Math.max(0, start - 40);
        int to = Math.min(text.length(), Math.max(end, start) + 40);
        for (int limit = Math.max(0, from - MAX_WORD); from > limit && isWordChar(text.charAt(from - 1)); ) from--;
        for (int limit = Math.min(text.length(), to + MAX_WORD); to < limit && isWordChar(text.charAt(to)); ) to++;
        return (from > 0 ? "…" : "") + text.subSequence(from, to) + (to < text.length() ? "…" : "");
    }
}
