package dev.mcpworkbench.app.ui.common;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Spreads FX-thread work over frames. Work that makes new controls appear (the first rows of a
 * table, the cells of a list) is paid for in the next pulse's CSS and layout; two such changes made
 * together pay in the same pulse and freeze the window for their sum.
 */
public final class Frames {

    private Frames() {
    }

    /**
     * Runs {@code action} on the FX thread after the next pulse of {@code node}'s scene has laid
     * out, so what it changes is laid out in a pulse of its own. Without a scene there is no pulse
     * to wait for, and it runs at once.
     */
    public static void afterNextLayout(Node node, Runnable action) {
        Scene scene = node.getScene();
        if (scene == null) {
            action.run();
            return;
        }
        Runnable[] listener = new Runnable[1];
        boolean[] done = new boolean[1];
        listener[0] = () -> {
            if (done[0]) return;
            done[0] = true;
            // removed outside the scene's iteration over its listeners
            Platform.runLater(() -> {
                scene.removePostLayoutPulseListener(listener[0]);
                action.run();
            });
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }
}
