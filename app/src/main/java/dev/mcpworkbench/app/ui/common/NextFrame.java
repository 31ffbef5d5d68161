package dev.mcpworkbench.app.ui.common;

import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * The place of a heavy node that is built and attached in the frame after the place itself was
 * laid out. A text area with a few kilobytes of text pays its skin, CSS and text layout in the
 * pulse after it enters the scene; entering with the rest of a view (a result's header and tabs, a
 * resource's heading) made that one pulse the sum of both, the longest frame of a 100 MB result.
 * The view appears first, the node one frame later. Nothing is built while the place is not in a
 * scene (a result replaced before its next frame never builds its text).
 *
 * <p>At most {@link #PER_FRAME} places are built after one layout; the others wait for the next
 * frame, in the order they came. A result of 50 small text blocks built its 50 text areas after one
 * layout, and their CSS and layout took the FX thread 150 to 300 ms in the frame after; five a
 * frame still took 33 to 46 ms of a frame, while the result's check and the collector held both
 * cores of a small machine (frames 100 to 130 ms apart).
 */
public final class NextFrame extends StackPane {

    /** How many places build their node after one layout. */
    static final int PER_FRAME = 2;

    /**
     * Places built since the last layout (FX thread only). The builds a layout lets go run one after
     * another on the FX thread; the first posts the reset, which therefore runs after all of them.
     */
    private static int builtSinceLayout;

    private Supplier<? extends Node> build;

    public NextFrame(Supplier<? extends Node> build) {
        this.build = build;
        getStyleClass().add("next-frame");
        sceneProperty().addListener((o, was, now) -> {
            if (now != null) schedule();
        });
        if (getScene() != null) schedule();
    }

    private void schedule() {
        Frames.afterNextLayout(this, () -> {
            if (build == null || getScene() == null) return;
            if (builtSinceLayout >= PER_FRAME) {
                // this frame has its share: the next one
                schedule();
                return;
            }
            if (builtSinceLayout++ == 0) Platform.runLater(() -> builtSinceLayout = 0);
            Node node = build.get();
            // the supplier holds what the node shows (a result's text): let it go once built
            build = null;
            getChildren().setAll(node);
        });
    }

    /** Whether the node is in place (for tests and the bench). */
    public boolean isBuilt() {
        return build == null;
    }
}
