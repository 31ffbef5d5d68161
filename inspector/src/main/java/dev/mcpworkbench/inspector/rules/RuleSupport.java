package dev.mcpworkbench.inspector.rules;

import dev.mcpworkbench.inspector.rules.text.Texts;
import java.util.List;

/** Shorthand for rules: a finding carrying the rule's id and links, evidence clipped. */
public final class RuleSupport {

    /** No evidence string longer than this reaches a report (a 10 MB description stays out). */
    public static final int MAX_EVIDENCE = 2_000;

    private RuleSupport() {
    }

    public static Finding finding(RuleMetadata meta, Severity severity, String message, Location location,
                                  String evidence, String fix) {
        return new Finding(meta.id(), severity, message, location, Texts.clip(evidence, MAX_EVIDENCE), fix,
                RuleDocs.links(meta));
    }

    public static RuleMetadata meta(String id, String title, Category category, Severity severity,
                                    List<String> owasp, String rationale) {
        return new RuleMetadata(id, title, category, severity, owasp, rationale, false);
    }

    /** "a, b, c" with at most {@code max} names and "and N more". */
    public static String list(List<String> names, int max) {
        if (names.size() <= max) return String.join(", ", names);
        return String.join(", ", names.subList(0, max)) + " and " + (names.size() - max) + " more";
    }
}
