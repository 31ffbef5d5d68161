package dev.mcpworkbench.app.ui.common;

import java.util.List;
import javafx.animation.PauseTransition;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.util.Duration;

/**
 * Warm-ups for a fresh JVM: a view's first layout loads its classes and runs its code for the
 * first time, which cost the first real frame tens to hundreds of milliseconds. A throwaway copy in
 * a scene of its own, never shown, laid out a few seconds after start-up, takes that cost instead.
 * On the FX thread, not a background one: JavaFX measures text with one shared layout object, and a
 * background layout broke the window's own now and then.
 */
public final class OffscreenLayout {

    private OffscreenLayout() {
    }

    /** Runs {@code work} on the FX thread {@code delay} from now (after the window's own first frames). */
    public static void after(Duration delay, Runnable work) {
        PauseTransition wait = new PauseTransition(delay);
        wait.setOnFinished(e -> work.run());
        wait.play();
    }

    /**
     * Puts {@code root} in a scene of its own with the app's {@code stylesheets}, lets {@code fill}
     * give it content, then styles and lays it out once; on the FX thread.
     */
    public static <T extends Parent> T layOut(T root, double width, double height, List<String> stylesheets, Runnable fill) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().setAll(stylesheets);
        fill.run();
        root.applyCss();
        root.layout();
        return root;
    }
}
