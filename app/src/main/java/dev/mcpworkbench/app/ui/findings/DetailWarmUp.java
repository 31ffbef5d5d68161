package dev.mcpworkbench.app.ui.findings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.Location;
import dev.mcpworkbench.inspector.rules.Severity;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.mcpworkbench.app.ui.common.OffscreenLayout;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first finding selected in a session laid out the detail pane and its definition area (a
 * styled text area) on a cold JVM: 50–85 ms of the FX thread per frame, most of it classes loading
 * and code running for the first time (JFR). A throwaway detail and definition area, in scenes of
 * their own never shown, are laid out once a few seconds after the window is up (after the payload
 * view's warm-up), as {@code RowWarmUp} does for the payload view. On the FX thread: JavaFX
 * measures text with one shared layout object.
 */
public final class DetailWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(DetailWarmUp.class);
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    /** After the window's own first frames and the payload view's warm-up (3 s and 4 s). */
    private static final Duration DELAY = Duration.seconds(5);

    private DetailWarmUp() {
    }

    /** Schedules the warm-up once per JVM; {@code stylesheets} are the app's. */
    public static void startOnce(List<String> stylesheets) {
        if (!STARTED.compareAndSet(false, true)) return;
        List<String> styles = List.copyOf(stylesheets);
        OffscreenLayout.after(DELAY, () -> layOut(styles));
    }

    /** True when both were laid out; on the FX thread. */
    static boolean layOut(List<String> stylesheets) {
        try {
            FindingDetailPane detail = new FindingDetailPane(i -> { }, i -> { }, i -> { }, link -> { });
            Finding sample = new Finding("OUTPUT-003", Severity.MEDIUM, "A sample finding", Location.tool("sample", "/inputSchema"),
                    "evidence", "fix", List.of("https://example.invalid/rule"));
            OffscreenLayout.layOut(detail, 520, 700, stylesheets, () -> detail.show(new FindingItem(sample, null, null), null));

            DefinitionArea definition = new DefinitionArea();
            JsonNode json = SnapshotJson.MAPPER.readTree("{\"name\": \"sample\", \"inputSchema\": {\"type\": \"object\", \"properties\": {\"path\": {\"type\": \"string\"}}}}");
            OffscreenLayout.layOut(definition, 520, 300, stylesheets, () -> definition.show(json, "/inputSchema/properties/path"));
            return !detail.lookupAll(".detail-title").isEmpty() && !definition.text().isEmpty();
        } catch (Exception e) {
            // only a head start: the real detail does the same work itself
            LOG.debug("Warming up the finding detail failed: {}", e.toString());
            return false;
        }
    }
}
