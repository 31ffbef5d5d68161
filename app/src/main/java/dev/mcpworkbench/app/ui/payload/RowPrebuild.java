package dev.mcpworkbench.app.ui.payload;

import dev.mcpworkbench.app.ui.common.Frames;
import dev.mcpworkbench.inspector.payload.InvalidJsonException;
import dev.mcpworkbench.inspector.payload.JsonIndex;
import java.util.List;
import javafx.scene.control.TreeItem;

/**
 * Builds the payload tree's rows while the view opens, a few per frame, before any payload
 * arrives. A tree table fills its whole height with rows (empty ones too), each a row skin with a
 * cell skin per column: about 120 skins, 40-60 ms of FX-thread work on a warm JVM (about 350 ms on
 * a cold one, unless {@link RowWarmUp} ran). Left to the moment a 100 MB payload is shown, that
 * work met the garbage collector cleaning up after the parse and froze the window for over 100 ms;
 * all at once in the view's first layout, it made opening the view that much longer. Here the
 * invisible tree shows a sample row and grows by {@link #ROWS_PER_FRAME} rows a frame, so each
 * frame builds only a few rows; then the sample goes and the tree keeps the built cells, which the
 * payload's rows reuse.
 */
final class RowPrebuild {

    private static final String SAMPLE = "{\"id\":1,\"name\":\"sample\",\"tags\":[\"a\",\"b\"],\"nested\":{\"ok\":true}}";
    private static final int ROWS_PER_FRAME = 4;

    private RowPrebuild() {
    }

    /** Call once the tree is in a scene; does nothing if it already shows rows. */
    static void run(PayloadTreeTable tree) {
        if (tree.hasRows()) return;
        showSample(tree);
        tree.setOpacity(0);
        double maxHeight = tree.getMaxHeight();
        tree.setMaxHeight(0);
        grow(tree, tree.getRoot().getChildren().get(0), maxHeight, 0);
    }

    /** The sample's rows in {@code tree}; its token counts are estimated, so no encoding is loaded. */
    static void showSample(PayloadTreeTable tree) {
        try {
            tree.setRoots(List.of(NodeRef.of(JsonIndex.estimated(SAMPLE), 0, "")));
        } catch (InvalidJsonException e) {
            throw new IllegalStateException("the sample row's JSON is constant and valid", e);
        }
    }

    private static void grow(PayloadTreeTable tree, TreeItem<NodeRef> sample, double maxHeight, double height) {
        Frames.afterNextLayout(tree, () -> {
            boolean stillSample = tree.getRoot().getChildren().contains(sample); // a payload may have come first
            double row = tree.getFixedCellSize() > 0 ? tree.getFixedCellSize() : 24;
            double full = tree.getParent() == null ? 0 : tree.getParent().getLayoutBounds().getHeight();
            double next = height + ROWS_PER_FRAME * row;
            if (stillSample && height < full) {
                tree.setMaxHeight(next);
                grow(tree, sample, maxHeight, next);
                return;
            }
            if (stillSample) tree.clearRoots();
            tree.setMaxHeight(maxHeight);
            tree.setOpacity(1);
        });
    }
}
