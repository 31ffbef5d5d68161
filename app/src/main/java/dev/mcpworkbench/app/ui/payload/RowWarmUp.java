package dev.mcpworkbench.app.ui.payload;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Scene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first rows a payload tree shows cost the FX thread some 350 ms on a fresh JVM: the row and
 * cell skins' classes load and initialize, and their code runs for the first time. A throwaway
 * tree in a scene of its own (never shown, so JavaFX allows building it on any thread) is laid out
 * on a background thread, so that the first real tree's rows ({@link RowPrebuild}) find that work
 * done.
 */
final class RowWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(RowWarmUp.class);
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private RowWarmUp() {
    }

    /**
     * Starts the warm-up on a background thread, once per JVM. {@code stylesheets} are the app's,
     * so the same style rules are matched. The app calls it at startup: by the time a payload view
     * opens, its rows cost the FX thread what they cost on a warm JVM.
     */
    static void startOnce(List<String> stylesheets) {
        if (STARTED.compareAndSet(false, true)) {
            Thread.ofVirtual().name("payload-rows-warm-up").start(() -> layOut(stylesheets));
        }
    }

    /** True when the throwaway tree was laid out; runs on any thread. */
    static boolean layOut(List<String> stylesheets) {
        try {
            PayloadTreeTable tree = new PayloadTreeTable();
            Scene scene = new Scene(tree, 1200, 800);
            scene.getStylesheets().setAll(stylesheets);
            RowPrebuild.showSample(tree);
            tree.applyCss();
            tree.layout();
            return !tree.lookupAll(".tree-table-row-cell").isEmpty();
        } catch (RuntimeException e) {
            // only a head start: the real tree does the same work itself if this fails
            LOG.debug("Warming up the payload tree's rows failed: {}", e.toString());
            return false;
        }
    }
}
