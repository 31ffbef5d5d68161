package dev.mcpworkbench.app.ui.traffic;

import javafx.scene.control.Tooltip;

/**
 * The direction column's two tooltips, shared by all its cells (a tooltip can be installed on many
 * nodes): building one per cell made each new row's first layout build a popup control.
 */
final class DirectionTips {

    private static Tooltip sent;
    private static Tooltip received;

    private DirectionTips() {
    }

    /** On the FX thread. */
    static Tooltip of(boolean out) {
        if (out) {
            if (sent == null) sent = new Tooltip("sent to the server");
            return sent;
        }
        if (received == null) received = new Tooltip("received from the server");
        return received;
    }
}
