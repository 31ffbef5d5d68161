package dev.mcpworkbench.app.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.scene.Node;

/**
 * Whether a node is on screen, for views that defer their layout while it is not. A tab pane keeps
 * the content of its other tabs in the scene, hidden, and still styles and lays it out: a table in
 * a hidden tab updated its rows in the same frame as the tab the user was looking at (the Traffic
 * tab's table, at every message, led the frame of a 100 MB tool result, resource read and prompt).
 */
public final class ShownLayout {

    private ShownLayout() {
    }

    /** The node and all its ancestors are visible and it is in a scene. */
    public static boolean isShown(Node node) {
        if (node.getScene() == null) return false;
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) return false;
        }
        return true;
    }

    /**
     * Runs {@code action} once, when every hidden ancestor of {@code node} (as it is now) has been
     * made visible again: a tab's content region is shown when the tab is selected.
     */
    public static void whenShown(Node node, Runnable action) {
        List<BooleanProperty> hidden = new ArrayList<>();
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) hidden.add(n.visibleProperty());
        }
        if (hidden.isEmpty()) {
            action.run();
            return;
        }
        InvalidationListener[] listener = new InvalidationListener[1];
        listener[0] = o -> {
            for (BooleanProperty p : hidden) if (!p.get()) return;
            for (BooleanProperty p : hidden) p.removeListener(listener[0]);
            action.run();
        };
        for (BooleanProperty p : hidden) p.addListener(listener[0]);
    }
}
