package dev.mcpworkbench.app.ui.findings;

import dev.mcpworkbench.inspector.rules.Severity;

/** A row of the findings tree: a group header (rule or tool) or one finding. */
public record FindingRow(String groupLabel, int count, Severity worst, FindingItem item) {

    public static FindingRow group(String label, java.util.List<FindingItem> items) {
        Severity worst = items.stream().filter(i -> !i.suppressed()).map(i -> i.finding().severity())
                .min(Enum::compareTo).orElse(Severity.INFO);
        return new FindingRow(label, items.size(), worst, null);
    }

    public static FindingRow of(FindingItem item) {
        return new FindingRow(null, 1, item.finding().severity(), item);
    }

    public boolean isGroup() {
        return item == null;
    }
}
