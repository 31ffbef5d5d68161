package dev.mcpworkbench.app.ui.payload;

import dev.mcpworkbench.inspector.payload.InvalidJsonException;
import dev.mcpworkbench.inspector.payload.JsonIndex;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Scene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first rows a payload tree shows cost the FX thread some 80 ms on a fresh JVM: the row and
 * cell skins' classes load and initialize, and their code runs for the first time. While the first
 * payload parses, a throwaway tree in a scene of its own (never shown, so JavaFX allows building it
 * on any thread) is laid out on a background thread, so the real tree's first rows find that work
 * done.
 */
final class RowWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(RowWarmUp.class);
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final String SAMPLE = "{\"id\":1,\"name\":\"sample\",\"tags\":[\"a\",\"b\"],\"nested\":{\"ok\":true}}";

    private RowWarmUp() {
    }

    /** Once per JVM; {@code stylesheets} are the real scene's, so the same style rules are matched. */
    static void startOnce(List<String> stylesheets) {
        if (!STARTED.compareAndSet(false, true)) return;
        Thread.ofVirtual().name("payload-rows-warm-up").start(() -> layOut(stylesheets));
    }

    private static void layOut(List<String> stylesheets) {
        try {
            PayloadTreeTable tree = new PayloadTreeTable();
            Scene scene = new Scene(tree, 900, 300);
            scene.getStylesheets().setAll(stylesheets);
            tree.setRoots(List.of(NodeRef.of(JsonIndex.of(SAMPLE), 0, "")));
            tree.applyCss();
            tree.layout();
        } catch (InvalidJsonException | RuntimeException e) {
            // only a head start: the real tree does the same work itself if this fails
            LOG.debug("Warming up the payload tree's rows failed: {}", e.toString());
        }
    }
}
