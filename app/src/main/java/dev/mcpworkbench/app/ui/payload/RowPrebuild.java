package dev.mcpworkbench.app.ui.payload;

import dev.mcpworkbench.app.ui.common.Frames;
import dev.mcpworkbench.inspector.payload.InvalidJsonException;
import dev.mcpworkbench.inspector.payload.JsonIndex;
import java.util.List;
import javafx.scene.control.TreeItem;

/**
 * Builds the payload tree's rows in the view's first layout, before any payload arrives. A tree
 * table fills its whole height with rows (empty ones too), each a row skin with a cell skin per
 * column: about 120 skins, 40-60 ms of FX-thread work on a warm JVM (about 350 ms on a cold one,
 * unless {@link RowWarmUp} ran). Left to the moment a 100 MB payload is shown, that work met the
 * garbage collector cleaning up after the parse and froze the window for over 100 ms. Done here,
 * it joins the rest of the view's first layout, and the payload's rows reuse the built cells: the
 * tree keeps them when its rows go away.
 *
 * <p>The sample row is laid out at zero opacity and removed after that layout; nobody sees it.
 */
final class RowPrebuild {

    static final String SAMPLE = "{\"id\":1,\"name\":\"sample\",\"tags\":[\"a\",\"b\"],\"nested\":{\"ok\":true}}";

    private RowPrebuild() {
    }

    /** Call once the tree is in a scene; does nothing if it already shows rows. */
    static void run(PayloadTreeTable tree) {
        if (tree.getRoot() != null) return;
        try {
            tree.setRoots(List.of(NodeRef.of(JsonIndex.of(SAMPLE), 0, "")));
        } catch (InvalidJsonException e) {
            throw new IllegalStateException("the sample row's JSON is constant and valid", e);
        }
        tree.expandLastRoot();
        TreeItem<NodeRef> sample = tree.getRoot();
        tree.setOpacity(0);
        Frames.afterNextLayout(tree, () -> {
            if (tree.getRoot() == sample) tree.setRoot(null); // a payload may have come first
            tree.setOpacity(1);
        });
    }
}
