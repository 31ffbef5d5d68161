package dev.mcpworkbench.app.ui.workspace;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;

/**
 * Keeps every header of a tab pane in view when the window is narrow. JavaFX would otherwise
 * push the last tabs behind a small overflow menu, where nobody finds them (at the minimum
 * window size the workspace's nine tabs need about 900 px and have 640). The pane steps through
 * style classes that make headers narrower (text without icons, then tighter and smaller text)
 * while its headers overflow, and steps back once the width they needed at the wider step is
 * available again. Called after each layout of the pane.
 */
final class CompactTabHeaders {

    /** From widest to narrowest; each adds its class to the ones before it (see workbench.css). */
    static final List<String> STEPS = List.of("compact-tabs", "tight-tabs");

    private final TabPane pane;
    /** The width the headers needed at each step before it was left for a narrower one. */
    private final double[] needed = new double[STEPS.size() + 1];
    private int step;

    CompactTabHeaders(TabPane pane) {
        this.pane = pane;
    }

    /** The number of narrowing steps in force (0: headers as designed). */
    int step() {
        return step;
    }

    void afterLayout() {
        Region area = headerArea();
        if (area == null) return;
        Region headers = (Region) area.lookup(".headers-region");
        if (headers == null) return;
        double available = pane.getWidth() - area.snappedLeftInset() - area.snappedRightInset();
        double wanted = headers.prefWidth(-1);
        if (wanted > available + 0.5 && step < STEPS.size()) {
            needed[step] = wanted;
            step++;
            pane.getStyleClass().add(STEPS.get(step - 1));
            measureAgain(area);
        } else if (step > 0 && needed[step - 1] <= available) {
            step--;
            pane.getStyleClass().remove(STEPS.get(step));
            measureAgain(area);
        }
    }

    /**
     * A style class changes the headers' CSS, not the pane's size, so nothing lays the pane out
     * again by itself: without this the header row would keep its overflow arrow, and a step that
     * is not narrow enough would never be followed by the next.
     */
    private void measureAgain(Region area) {
        javafx.application.Platform.runLater(() -> {
            pane.applyCss();
            // every level caches its preferred width: the headers, their row, the row's area, the pane
            area.lookupAll(".tab").forEach(Node::autosize);
            area.lookupAll(".tab, .headers-region, .control-buttons-tab").forEach(n -> {
                if (n instanceof javafx.scene.Parent p) p.requestLayout();
            });
            area.requestLayout();
            pane.requestLayout();
        });
    }

    /** The pane's own header row (lookup would also find those of tab panes inside its tabs). */
    private Region headerArea() {
        for (Node child : pane.getChildrenUnmodifiable()) {
            if (child.getStyleClass().contains("tab-header-area")) return (Region) child;
        }
        return null;
    }
}
