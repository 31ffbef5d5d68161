package dev.mcpworkbench.inspector.rules;

import java.util.List;
import java.util.Objects;

/**
 * What a rule is, declared once on the rule class: the stable catalog id, a title, its category,
 * default severity, OWASP MCP Top 10 ids and a one-paragraph rationale.
 */
public record RuleMetadata(
        String id,
        String title,
        Category category,
        Severity defaultSeverity,
        List<String> owaspIds,
        String rationale,
        boolean dynamic) {

    public RuleMetadata {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(defaultSeverity, "defaultSeverity");
        owaspIds = List.copyOf(owaspIds);
        Objects.requireNonNull(rationale, "rationale");
    }

    /** Path of the rule's page relative to the repository root. */
    public String docPath() {
        return "docs/rules/" + id + ".md";
    }
}
