package dev.mcpworkbench.app.ui.common;

import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
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
    /** Built only once some of the place shows in the window (see {@link #whenShown}). */
    private final boolean onlyWhenShown;
    /** The post-layout listener of {@link #waitingIn} while the place waits to show, or null. */
    private Runnable waiting;
    private Scene waitingIn;

    public NextFrame(Supplier<? extends Node> build) {
        this(build, false);
    }

    /**
     * A place built only once some of it shows in the window: not clipped away by a scroll pane
     * around it, not past the window's edge. Of a result's 50 block previews a window shows a few;
     * the text areas below the fold were built all the same (50 text areas' skins, CSS and about
     * 15 MB kept) while the result's check held the CPU. The others come as they are scrolled to.
     */
    public static NextFrame whenShown(Supplier<? extends Node> build) {
        return new NextFrame(build, true);
    }

    private NextFrame(Supplier<? extends Node> build, boolean onlyWhenShown) {
        this.build = build;
        this.onlyWhenShown = onlyWhenShown;
        getStyleClass().add("next-frame");
        sceneProperty().addListener((o, was, now) -> {
            if (now != null) schedule();
        });
        if (getScene() != null) schedule();
    }

    private void schedule() {
        Frames.afterNextLayout(this, () -> {
            if (build == null || getScene() == null) return;
            if (onlyWhenShown && !showsInWindow()) {
                waitUntilShown();
                return;
            }
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

    /** Whether some of the place is inside the window and every clip around it (a scroll pane's viewport). */
    private boolean showsInWindow() {
        Bounds place = localToScene(getLayoutBounds());
        Scene scene = getScene();
        if (!place.intersects(0, 0, scene.getWidth(), scene.getHeight())) return false;
        for (Parent p = getParent(); p != null; p = p.getParent()) {
            Node clip = p.getClip();
            if (clip != null && !place.intersects(p.localToScene(clip.getBoundsInParent()))) return false;
        }
        return true;
    }

    /**
     * Looks again after each layout of the scene until the place shows (scrolled to, the window
     * grown). Pulses run only when something changed; while one runs, each waiting place compares
     * its bounds with the clips above it, a few microseconds.
     */
    private void waitUntilShown() {
        Scene scene = getScene();
        if (waiting != null) {
            if (waitingIn == scene) return;
            // moved to another window while it waited: watch that one instead
            stopWaiting();
        }
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            if (waiting != self[0]) return; // done, its removal not run yet
            if (getScene() == scene && build != null && !showsInWindow()) return;
            stopWaiting();
            // elsewhere now: its scene's listener schedules it; here: shown at last
            if (getScene() == scene && build != null) schedule();
        };
        waiting = self[0];
        waitingIn = scene;
        scene.addPostLayoutPulseListener(waiting);
    }

    private void stopWaiting() {
        Runnable listener = waiting;
        Scene scene = waitingIn;
        waiting = null;
        waitingIn = null;
        // removed outside the scene's iteration over its listeners
        Platform.runLater(() -> scene.removePostLayoutPulseListener(listener));
    }

    /** Whether the node is in place (for tests and the bench). */
    public boolean isBuilt() {
        return build == null;
    }
}
