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

    private boolean waiting;

    public ShownTableView(ObservableList<S> items) {
        super(items);
    }

    /** Layouts skipped while hidden (for tests). */
    private int skipped;

    @Override
    protected void layoutChildren() {
        if (getScene() != null && !ShownLayout.isShown(this)) {
            skipped++;
            if (!waiting) {
                waiting = true;
                ShownLayout.whenShown(this, () -> {
                    waiting = false;
                    requestLayout();
                });
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
