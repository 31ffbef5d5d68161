package dev.mcpworkbench.app.ui.findings;

import dev.mcpworkbench.inspector.rules.ScanSummary;
import dev.mcpworkbench.inspector.rules.Severity;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The findings summary for the server overview: active findings per severity, the surface size
 * in tools and tokens, and schema tightness (share of constrained parameters).
 */
public final class ServerSummaryPane extends VBox {

    private final FlowPane severityChips = new FlowPane(6, 6);
    private final Label surface = new Label();
    private final Label tightnessText = new Label();
    private final ProgressBar tightness = new ProgressBar(0);

    /** A pane that follows {@code model}: counts update when findings are suppressed or restored. */
    public static ServerSummaryPane following(FindingsViewModel model) {
        ServerSummaryPane pane = new ServerSummaryPane();
        Runnable update = () -> pane.show(model.countsBySeverity(), model.summaryProperty().get());
        model.visibleItems().addListener((javafx.beans.Observable o) -> update.run());
        model.summaryProperty().addListener((javafx.beans.Observable o) -> update.run());
        update.run();
        return pane;
    }

    public ServerSummaryPane() {
        getStyleClass().add("server-summary");
        getStylesheets().add(SeverityBadge.STYLESHEET);
        setSpacing(8);
        surface.setId("surfaceSummary");
        tightnessText.setId("tightnessSummary");
        tightness.setPrefWidth(160);
        HBox tightRow = new HBox(8, tightness, tightnessText);
        tightRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().setAll(severityChips, surface, tightRow);
        show(Map.of(), null);
    }

    /** {@code counts}: live active counts (they follow suppressions); {@code stats}: the last scan's summary. */
    public void show(Map<Severity, Integer> counts, ScanSummary stats) {
        severityChips.getChildren().clear();
        int total = 0;
        for (Severity severity : Severity.values()) {
            int count = counts.getOrDefault(severity, 0);
            total += count;
            if (count == 0) continue;
            Label chip = new Label(count + " " + severity.label());
            chip.getStyleClass().addAll("count-chip", SeverityBadge.styleClass(severity));
            severityChips.getChildren().add(chip);
        }
        if (total == 0) severityChips.getChildren().add(new Label(stats == null ? "Scanning for findings…" : "No active findings."));
        if (stats == null) {
            tightness.setVisible(false);
            surface.setText("");
            tightnessText.setText("");
            tightness.setProgress(0);
            return;
        }
        surface.setText(String.format(Locale.ROOT, "Surface: %d tools, %,d tokens of context (tools/list + instructions)",
                stats.toolCount(), stats.toolListTokens()));
        tightnessText.setText(String.format(Locale.ROOT, "Schema tightness: %.0f%% of parameters constrained",
                stats.schemaTightness() * 100));
        tightness.setProgress(stats.schemaTightness());
        tightness.setVisible(true);
    }
}
