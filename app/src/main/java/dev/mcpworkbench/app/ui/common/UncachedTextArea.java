package dev.mcpworkbench.app.ui.common;

import javafx.scene.Node;
import javafx.scene.control.TextArea;

/**
 * A TextArea whose scroll viewport is not cached as a bitmap. JavaFX's ScrollPane skin caches its
 * viewport, so every text area on screen keeps an image of itself: with software rendering (no GPU,
 * as under Xvfb or a remote desktop) that is heap, and the 50 block previews of a result of many
 * text blocks kept 40 MB of them. A short read-only text redraws faster than the cache is worth.
 */
public class UncachedTextArea extends TextArea {

    private boolean uncached;

    public UncachedTextArea(String text) {
        super(text);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        // the viewport exists once the inner scroll pane has its skin, which the first layout ensures
        if (uncached) return;
        for (Node viewport : lookupAll(".viewport")) {
            viewport.setCache(false);
            uncached = true;
        }
    }
}
