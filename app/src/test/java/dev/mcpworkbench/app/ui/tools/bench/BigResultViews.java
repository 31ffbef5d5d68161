package dev.mcpworkbench.app.ui.tools.bench;

import static dev.mcpworkbench.app.ui.tools.bench.BigResultBench.onFx;
import static dev.mcpworkbench.app.ui.tools.bench.BigResultBench.waitFor;

import dev.mcpworkbench.app.ui.AppContext;
import dev.mcpworkbench.app.ui.common.FxTasks;
import dev.mcpworkbench.app.ui.findings.FindingItem;
import dev.mcpworkbench.app.ui.payload.PayloadView;
import dev.mcpworkbench.app.ui.payload.PayloadWindow;
import dev.mcpworkbench.app.ui.tools.ToolDetailView;
import dev.mcpworkbench.app.ui.traffic.TrafficRow;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/**
 * The other places a big payload appears, each through the user's gesture, after the tool calls
 * of {@link BigResultBench}: a resource read (Resources tab, Read), a prompt get (Prompts tab,
 * Get), then a tool call whose result the next three views show: the big message selected in the
 * Traffic tab, the result opened in the payload window (Open in window), an OUTPUT finding of the
 * result selected in the Findings tab; and the result's Structured tab, when it has
 * structuredContent. For each: the longest FX frame gap from the gesture to one
 * second after the background work, and when the view was rendered.
 */
final class BigResultViews {

    private BigResultViews() {
    }

    static void measureAll(AppContext context, ToolDetailView detail) throws Exception {
        var workspace = context.window().workspace();
        Node resources = onFx(() -> workspace.lookup("#resourcesView"));
        Node prompts = onFx(() -> workspace.lookup("#promptsView"));
        measure("resource read", context, "resources/read", () -> resources.lookup(".payload-open") != null && resources.lookup(".block-text") != null,
                () -> workspace.select("Resources"),
                () -> ((ListView<?>) resources.lookup("#resourceList")).getSelectionModel().select(0),
                () -> ((Button) resources.lookup("#readResource")).fire());
        measure("prompt get", context, "prompts/get", () -> prompts.lookup(".payload-open") != null && prompts.lookup(".block-text") != null,
                () -> workspace.select("Prompts"),
                () -> ((ListView<?>) prompts.lookup("#promptList")).getSelectionModel().select(0),
                () -> ((Button) prompts.lookup("#getPrompt")).fire());

        onFx(() -> workspace.select("Tools"));
        BigResultBench.measure("tool call for the views below", context, detail);

        Node resultPane = detail.resultPane();
        boolean structured = onFx(() -> resultPane.lookup("#result-structured") != null);
        if (structured) {
            measure("Structured tab (selected once the result is on screen)", context, null, () -> resultPane.lookup(".json-tree") != null,
                    () -> {
                        var tabs = (javafx.scene.control.TabPane) resultPane.lookup(".tab-pane");
                        tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getText().equals("Structured")).findFirst().orElseThrow());
                    });
        }

        TextArea trafficDetail = (TextArea) onFx(() -> context.traffic().lookup("#trafficDetail"));
        measure("traffic detail (the big answer selected)", context, null, () -> !trafficDetail.getText().isEmpty(),
                () -> workspace.select("Traffic"),
                () -> {
                    var table = context.traffic().table();
                    TrafficRow biggest = table.getItems().stream().max(Comparator.comparingInt(TrafficRow::sizeBytes)).orElseThrow();
                    table.getSelectionModel().select(biggest);
                });

        measure("payload window (Open in window)", context, null,
                () -> payloadWindow().map(v -> v.model().payloadProperty().get() != null && !v.model().busyProperty().get()).orElse(false),
                () -> workspace.select("Tools"),
                () -> ((Button) detail.resultPane().lookup("#resultDetach")).fire());
        onFx(PayloadWindow::closeAll);

        var findings = context.findings().findings();
        FindingItem output = onFx(() -> findings.visibleItems().stream()
                .filter(i -> i.finding().ruleId().startsWith("OUTPUT")).findFirst().orElse(null));
        if (output == null) {
            System.out.println("findings evidence: no OUTPUT finding for the result (not measured)");
            return;
        }
        measure("findings evidence (" + output.finding().ruleId() + " selected)", context, null,
                () -> findings.selectedProperty().get() == output
                        && workspace.lookup(".finding-detail") instanceof dev.mcpworkbench.app.ui.findings.FindingDetailPane d && d.definitionShown(),
                () -> workspace.select("Findings"),
                () -> findings.selectedProperty().set(output));
    }

    private static java.util.Optional<PayloadView> payloadWindow() {
        return Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof PayloadView)
                .map(w -> (PayloadView) w.getScene().getRoot()).findFirst();
    }

    /**
     * Runs the {@code gestures} on the FX thread as a user makes them, each two pulses after the
     * one before (a click on the tab, then on the item...), waits until {@code shown} holds and two
     * more pulses laid it out and painted it, then for the background work to end, and prints the
     * figures; the frames are watched from the first gesture on.
     *
     * @param method the request whose answer the view shows, or null when the gestures need none
     */
    private static void measure(String label, AppContext context, String method, Callable<Boolean> shown, Runnable... gestures)
            throws Exception {
        BigResultBench.settle();
        BigResultBench.resetPeakRss();
        BigResultBench.maxGap.set(0);
        BigResultBench.maxGapCpu = 0;
        BigResultBench.maxCpu = 0;
        BigResultBench.watching = true;
        long start = System.nanoTime();
        Instant startedAt = Instant.now();
        for (int i = 0; i < gestures.length; i++) {
            if (i > 0) twoPulses();
            Platform.runLater(gestures[i]);
        }
        waitFor(240, () -> onFx(shown));
        twoPulses();
        long rendered = System.nanoTime();
        waitFor(300, () -> onFx(() -> !FxTasks.shared().busyProperty().get()));
        Thread.sleep(1000);
        BigResultBench.watching = false;
        Instant answered = method == null ? null : answerTime(context, method, startedAt);
        double afterGestureMs = (rendered - start) / 1e6;
        String answer = answered == null ? ""
                : String.format("answer after %,d ms; rendered %,.0f ms after the answer (", Duration.between(startedAt, answered).toMillis(),
                        afterGestureMs - Duration.between(startedAt, answered).toNanos() / 1e6);
        System.out.printf("%s: %s%,.0f ms after the first gesture%s; longest FX frame gap %,d ms (first gesture to 1 s after the background work; the FX thread ran %,d ms of it; at most %,d ms between two frames); peak RSS %,d MB%n",
                label, answered == null ? "rendered " : answer, afterGestureMs, answered == null ? "" : ")",
                BigResultBench.maxGap.get() / 1_000_000, BigResultBench.maxGapCpu / 1_000_000, BigResultBench.maxCpu / 1_000_000, BigResultBench.peakRssKb() / 1024);
    }

    private static void twoPulses() throws Exception {
        for (int i = 0; i < 2; i++) {
            long frame = BigResultBench.lastFrame;
            waitFor(60, () -> BigResultBench.lastFrame != frame);
        }
    }

    /** When the last answer to a {@code method} request sent after {@code since} arrived, or null. */
    private static Instant answerTime(AppContext context, String method, Instant since) throws Exception {
        return onFx(() -> {
            List<TrafficRow> rows = List.copyOf(context.traffic().rows());
            Instant last = null;
            for (TrafficRow q : rows) {
                if (!q.outgoing() || !method.equals(q.method()) || q.time().isBefore(since)) continue;
                for (TrafficRow r : rows) {
                    if (!r.outgoing() && r.method().isEmpty() && q.id().equals(r.id())) last = r.time();
                }
            }
            return last;
        });
    }
}
