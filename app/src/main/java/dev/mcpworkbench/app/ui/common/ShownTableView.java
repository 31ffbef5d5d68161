package dev.mcpworkbench.app.ui.common;

import javafx.collections.ObservableList;
import javafx.scene.control.TableView;

/**
 * A table that lays out its rows only while it is on screen. A table in an unselected tab (the
 * Traffic tab while the user reads a result in the Tools tab) otherwise builds and updates its
 * cells, with their CSS, for every row added, in the frame the user waits for; here the layout it
 * skipped is done once, in the pulse after it is shown again.
 */
public class ShownTableView<S> extends TableView<S> {

    /** Hidden with layout left to do, or shown again and waiting for the frame after. */
    private boolean waiting;

    public ShownTableView(ObservableList<S> items) {
        super(items);
    }

    /** Layouts skipped while hidden or in the frame that showed the table again (for tests). */
    private int skipped;

    @Override
    protected void layoutChildren() {
        if (getScene() == null) {
            super.layoutChildren();
            return;
        }
        if (waiting || !ShownLayout.isShown(this)) {
            skipped++;
            if (!waiting) {
                waiting = true;
                // shown again: the frame that shows the tab styles and lays out its other
                // controls; the rows that arrived meanwhile are laid out in the frame after it,
                // the table showing its previous rows until then
                ShownLayout.whenShown(this, () -> Frames.afterNextLayout(this, () -> {
                    waiting = false;
                    requestLayout();
                }));
            }
            return;
        }
        super.layoutChildren();
    }

    /** How many layout passes found the table hidden and left its rows as they were. */
    public int skippedLayouts() {
        return skipped;
    }
}
