package dev.mcpworkbench.app.ui.findings;

import dev.mcpworkbench.inspector.rules.Category;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.Location;
import dev.mcpworkbench.inspector.rules.RuleMetadata;
import java.util.Locale;
import java.util.Optional;

/**
 * One row of the findings table: the finding, the metadata of the rule that raised it (absent for
 * a rule this build does not know), and the user's suppression reason when suppressed.
 */
public record FindingItem(Finding finding, RuleMetadata rule, String suppressionReason) {

    public boolean suppressed() {
        return suppressionReason != null;
    }

    public Optional<RuleMetadata> ruleMetadata() {
        return Optional.ofNullable(rule);
    }

    public FindingItem withSuppression(String reason) {
        return new FindingItem(finding, rule, reason);
    }

    /** The rule's category, or the one its id prefix names (ids are {@code CATEGORY-NNN}). */
    public Optional<Category> category() {
        if (rule != null) return Optional.of(rule.category());
        String id = finding.ruleId();
        int dash = id.indexOf('-');
        try {
            return Optional.of(Category.valueOf((dash > 0 ? id.substring(0, dash) : id).toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** The tool the finding is about, or "" for findings about the server, resources, prompts... */
    public String toolName() {
        Location location = finding.location();
        return location.kind() == Location.Kind.TOOL || location.kind() == Location.Kind.TOOL_RESULT
                ? location.name() : "";
    }

    /** Group label when grouping by item: the tool, else the kind and name of what it is about. */
    public String itemLabel() {
        Location location = finding.location();
        if (!toolName().isEmpty()) return toolName();
        String kind = location.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return location.name().isEmpty() ? "(" + kind + ")" : kind + " " + location.name();
    }

    /**
     * Compact location for a table cell: the item, then the pointer without the schema plumbing
     * ({@code /inputSchema/properties/path} reads {@code inputSchema.path}).
     */
    public String shortLocation() {
        String pointer = finding.location().jsonPointer();
        if (pointer.isEmpty()) return itemLabel();
        String path = java.util.Arrays.stream(pointer.substring(1).split("/"))
                .filter(segment -> !segment.equals("properties"))
                .map(segment -> segment.replace("~1", "/").replace("~0", "~"))
                .collect(java.util.stream.Collectors.joining("."));
        return itemLabel() + " \u203A " + path;
    }

    public String ruleLabel() {
        return rule == null ? finding.ruleId() : finding.ruleId() + "  " + rule.title();
    }
}
