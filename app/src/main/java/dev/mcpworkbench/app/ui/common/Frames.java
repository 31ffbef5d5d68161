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

    /**
     * A latch that opens once the FX thread has started {@code pulses} more pulses (call it on the
     * FX thread). Background work that would compete with a frame the user is waiting for (on two
     * cores, the check of a 100 MB result took the CPU from the result's first layout) awaits it,
     * with a short timeout, so that frame has been laid out and handed to the renderer first.
     */
    public static java.util.concurrent.CountDownLatch afterPulses(int pulses) {
        java.util.concurrent.CountDownLatch open = new java.util.concurrent.CountDownLatch(1);
        new javafx.animation.AnimationTimer() {
            private int left = pulses;

            @Override
            public void handle(long now) {
                if (--left > 0) return;
                stop();
                open.countDown();
            }
        }.start();
        return open;
    }
}
