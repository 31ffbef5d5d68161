package dev.mcpworkbench.app.ui.payload;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.mcpworkbench.app.ui.common.OffscreenLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first rows a payload tree shows cost the FX thread some 350 ms on a fresh JVM: the row and
 * cell skins' classes load and initialize, and their code runs for the first time. A throwaway
 * tree in a scene of its own, never shown, is laid out once a few seconds after the window is up,
 * so that the first real tree's rows ({@link RowPrebuild}) find that work done.
 *
 * <p>On the FX thread, not a background one: JavaFX measures text with one shared layout object
 * (the control skins' {@code Utils}), so a background layout corrupted the window's own layout
 * now and then (a NullPointerException in {@code PrismTextLayout} at start-up).
 */
final class RowWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(RowWarmUp.class);
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private RowWarmUp() {
    }

    /** Delay after start-up: the first window's own layout and the user's first clicks come first. */
    private static final javafx.util.Duration DELAY = javafx.util.Duration.seconds(3);

    /**
     * Schedules the warm-up once per JVM, on the FX thread after {@link #DELAY}. {@code stylesheets}
     * are the app's, so the same style rules are matched. The app calls it at startup: by the time
     * a payload view opens, its rows cost the FX thread what they cost on a warm JVM.
     */
    static void startOnce(List<String> stylesheets) {
        if (STARTED.compareAndSet(false, true)) {
            OffscreenLayout.after(DELAY, () -> {
                layOut(stylesheets);
                // the rest of the view in a frame of its own, not added to this one
                OffscreenLayout.after(VIEW_DELAY, () -> layOutView(stylesheets));
            });
        }
    }

    /** Delay between the tree's warm-up and the whole view's. */
    private static final javafx.util.Duration VIEW_DELAY = javafx.util.Duration.seconds(1);

    /**
     * Builds and lays out a throwaway payload view, never shown: the first payload window (or
     * Payload tab) of a session loaded the view's classes and linked its lambdas in its first
     * frame (JFR: class definition and method-handle linking under {@code Stage.show}). True when
     * it was laid out; on the FX thread.
     */
    static boolean layOutView(List<String> stylesheets) {
        try {
            PayloadView view = OffscreenLayout.layOut(new PayloadView(new PayloadViewModel()), 1100, 750, stylesheets, () -> { });
            return !view.lookupAll(".tab-pane").isEmpty();
        } catch (RuntimeException e) {
            // only a head start, as above
            LOG.debug("Warming up the payload view failed: {}", e.toString());
            return false;
        }
    }

    /** True when the throwaway tree was laid out; on the FX thread. */
    static boolean layOut(List<String> stylesheets) {
        try {
            PayloadTreeTable tree = new PayloadTreeTable();
            OffscreenLayout.layOut(tree, 1200, 800, stylesheets, () -> RowPrebuild.showSample(tree));
            return !tree.lookupAll(".tree-table-row-cell").isEmpty();
        } catch (RuntimeException e) {
            // only a head start: the real tree does the same work itself if this fails
            LOG.debug("Warming up the payload tree's rows failed: {}", e.toString());
            return false;
        }
    }
}
