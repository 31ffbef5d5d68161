package dev.mcpworkbench.app.ui.findings;

import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.Location;
import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * Finding counts per tool for the tool list: one pill per tool colored by its worst severity
 * and showing how many findings it has. A tool list cell calls {@link #badge(Map, String)}.
 */
public final class ToolBadges {

    /** Findings about one tool: how many, and the worst severity among them. */
    public record Tally(int count, Severity worst) {
        Tally plus(Severity severity) {
            return new Tally(count + 1, severity.atLeast(worst) ? severity : worst);
        }
    }

    private ToolBadges() {
    }

    /** Tallies per tool name of the findings located on a tool definition or a tool's result. */
    public static Map<String, Tally> tally(List<Finding> findings) {
        Map<String, Tally> tallies = new TreeMap<>();
        for (Finding f : findings) {
            Location.Kind kind = f.location().kind();
            if (kind != Location.Kind.TOOL && kind != Location.Kind.TOOL_RESULT) continue;
            tallies.merge(f.location().name(), new Tally(1, f.severity()),
                    (a, b) -> a.plus(b.worst()));
        }
        return tallies;
    }

    /** The badge for {@code toolName}, or empty when the tool has no findings. */
    public static Optional<Node> badge(Map<String, Tally> tallies, String toolName) {
        Tally tally = tallies.get(toolName);
        return tally == null ? Optional.empty() : Optional.of(node(tally));
    }

    public static Label node(Tally tally) {
        Label label = new Label(Integer.toString(tally.count()));
        label.getStyleClass().addAll("severity-badge", "count-badge", SeverityBadge.styleClass(tally.worst()));
        label.getStylesheets().add(SeverityBadge.STYLESHEET);
        label.setTooltip(new Tooltip(tally.count() + (tally.count() == 1 ? " finding" : " findings")
                + ", worst: " + tally.worst().label()));
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }
}
