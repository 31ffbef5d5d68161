package dev.mcpworkbench.app.ui.common;

import javafx.animation.PauseTransition;
import javafx.collections.ObservableList;
import javafx.scene.control.TableView;
import javafx.util.Duration;

/**
 * A table that lays out its rows while it is on screen, and while hidden only when the app is idle.
 * A table in an unselected tab (the Traffic tab while the user reads a result in the Tools tab)
 * otherwise builds and updates its cells, with their CSS, for every row added, in the frame the
 * user waits for. Hidden, the layout it skipped is done {@link #IDLE} after the last skipped one
 * once no background task runs ({@link FxTasks#busyProperty}), in a frame of its own, so that the
 * tab, when selected, has its rows ready (its first layout alone made a frame of 70–110 ms); shown
 * again before that, it shows its previous rows for one frame and lays out the new ones in the next.
 */
public class ShownTableView<S> extends TableView<S> {

    /** How long the app must be quiet before a hidden table catches up. */
    static final Duration IDLE = Duration.seconds(2);

    /** Hidden with layout left to do, or shown again and waiting for the frame after. */
    private boolean waiting;
    /** A layout to do although hidden: the app was idle. */
    private boolean catchingUp;
    private final PauseTransition idle = new PauseTransition(IDLE);
    private long caughtUpAt = System.nanoTime() - 1_000_000_000L;
    /** Layouts skipped while hidden or in the frame that showed the table again (for tests). */
    private int skipped;
    private int catchUps;

    public ShownTableView(ObservableList<S> items) {
        super(items);
        idle.setOnFinished(e -> catchUpIfIdle());
    }

    @Override
    protected void layoutChildren() {
        if (getScene() == null || catchingUp) {
            if (catchingUp) {
                caughtUpAt = System.nanoTime();
                catchUps++;
            }
            catchingUp = false;
            super.layoutChildren();
            return;
        }
        if (waiting || !ShownLayout.isShown(this)) {
            skipped++;
            // a request the catch-up's own layout made does not start another one
            if (System.nanoTime() - caughtUpAt > 250_000_000L) idle.playFromStart();
            if (!waiting) {
                waiting = true;
                // shown again: the frame that shows the tab styles and lays out its other
                // controls; the rows that arrived meanwhile are laid out in the frame after it
                ShownLayout.whenShown(this, () -> Frames.afterNextLayout(this, () -> {
                    waiting = false;
                    requestLayout();
                }));
            }
            return;
        }
        super.layoutChildren();
    }

    private void catchUpIfIdle() {
        if (getScene() == null || ShownLayout.isShown(this)) return;
        if (FxTasks.shared().busyProperty().get()) {
            idle.playFromStart();
            return;
        }
        catchingUp = true;
        requestLayout();
    }

    /** How many layouts were done while hidden because the app was idle (for tests). */
    public int catchUps() {
        return catchUps;
    }

    /** How many layout passes found the table hidden and left its rows as they were. */
    public int skippedLayouts() {
        return skipped;
    }
}
