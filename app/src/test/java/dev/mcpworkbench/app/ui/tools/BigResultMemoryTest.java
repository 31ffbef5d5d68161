package dev.mcpworkbench.app.ui.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.app.memory.HeapPolicy;
import dev.mcpworkbench.app.ui.AppContext;
import dev.mcpworkbench.app.ui.common.FxTasks;
import dev.mcpworkbench.app.ui.common.TestWindows;
import dev.mcpworkbench.app.ui.connect.ConnectionState;
import dev.mcpworkbench.app.ui.connect.ProfileFields;
import dev.mcpworkbench.app.ui.payload.PayloadView;
import dev.mcpworkbench.app.ui.tools.bench.BigResultServer;
import dev.mcpworkbench.app.ui.traffic.TrafficRow;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A big tool result through the user's path (the real window, a stdio server in a child JVM, the
 * Tools tab's Call button, the Findings tab's check, the Payload tab) leaves nothing behind once it
 * left the screen but the traffic log's copy of the message as it arrived: the result's tree, its
 * shared analysis and its parsed payload are collected (weak references, no timing), the heap
 * policy's claim for it is given back, and the heap in use after a GC comes back to the baseline
 * plus the bytes the traffic log holds. (RSS is the bench's business: bench/big-result.sh.)
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class BigResultMemoryTest {

    private static final double MEGABYTES = 16;
    /** What else the heap may gain over the test (caches warmed by the first call, findings, rows). */
    private static final long SLACK_BYTES = 12L * 1024 * 1024;

    private AppContext context;
    private ToolDetailView detail;

    @BeforeEach
    void connect() throws Exception {
        var profiles = Files.createTempDirectory("workbench-big-result");
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> context = TestWindows.show(stage, 1280, 800, profiles));
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), BigResultServer.class.getName(), String.valueOf(MEGABYTES)));
        ProfileFields server = new ProfileFields("big over stdio", ProfileFields.Kind.STDIO, command.get(0),
                command.subList(1, command.size()), Map.of(), "", "", Map.of(), List.of());
        Platform.runLater(() -> context.connection().connect(server));
        waitFor(120, () -> context.connection().stateProperty().get() == ConnectionState.CONNECTED
                && context.window().workspace().snapshotProperty().get() != null);
        detail = onFx(() -> {
            context.window().workspace().select("Tools");
            var list = context.window().workspace().tools().list().listView();
            list.getSelectionModel().select(list.getItems().stream().filter(t -> t.name().equals("big")).findFirst().orElseThrow());
            return context.window().workspace().tools().detail();
        });
        waitFor(10, () -> onFx(() -> detail.editor() != null && detail.editor().validProperty().get()));
    }

    @AfterEach
    void close() {
        if (context != null) Platform.runLater(context::close);
    }

    @Test
    void aBigResultThatLeftTheScreenLeavesOnlyTheTrafficLogsBytes() throws Exception {
        long baseline = heapUsedAfterGc();

        List<WeakReference<?>> first = callAndOpenThePayloadTab();
        List<WeakReference<?>> second = callAndOpenThePayloadTab();
        assertThat(collected(first)).as("the first result, its analysis and parsed payload, once the second replaced it").isTrue();
        HeapPolicy heap = HeapPolicy.shared();
        if (heap.active()) {
            assertThat(heap.heldBytes()).as("the heap room claimed for the result on screen, the first one's given back")
                    .isBetween((long) (MEGABYTES * 1024 * 1024 / 2), (long) (2 * MEGABYTES * 1024 * 1024));
        }

        onFx(() -> detail.resultPane().showEmpty()); // what choosing another tool does
        assertThat(collected(second)).as("the second result, its analysis and parsed payload, once the pane went empty").isTrue();
        assertThat(heap.heldBytes()).as("heap room still claimed once no result is on screen").isZero();

        long traffic = onFx(() -> context.traffic().rows().stream().mapToLong(TrafficRow::sizeBytes).sum());
        long grown = heapUsedAfterGc() - baseline;
        assertThat(traffic).as("the traffic log holds both answers as they arrived").isGreaterThan((long) (2 * MEGABYTES * 1024 * 1024));
        assertThat(grown).as("heap in use over the baseline (MB), against the traffic log's %d MB", traffic >> 20)
                .isLessThanOrEqualTo(traffic + SLACK_BYTES);
    }

    /** Calls {@code big}, waits for the Findings tab's check, opens the Payload tab; weak references to what it built. */
    private List<WeakReference<?>> callAndOpenThePayloadTab() throws Exception {
        Object before = onFx(() -> detail.resultPane().lastResult());
        Platform.runLater(detail::callTool);
        waitFor(120, () -> onFx(() -> !detail.isCalling() && detail.resultPane().lastResult() != null
                && detail.resultPane().lastResult() != before));
        waitFor(120, () -> onFx(() -> !FxTasks.shared().busyProperty().get()));
        TabPane tabs = onFx(() -> (TabPane) detail.resultPane().lookup(".tab-pane"));
        onFx(() -> {
            Tab payloadTab = tabs.getTabs().stream().filter(t -> t.getText().equals("Payload")).findFirst().orElseThrow();
            tabs.getSelectionModel().select(payloadTab);
        });
        waitFor(120, () -> onFx(() -> {
            Node summary = detail.resultPane().lookup("#payload-summary");
            return summary != null && !((Label) summary).getText().startsWith("Loading");
        }));
        return onFx(() -> {
            PayloadView view = (PayloadView) detail.resultPane().lookup(".payload-view");
            Object payload = view.model().payloadProperty().get();
            assertThat(payload).as("the Payload tab parsed the result").isNotNull();
            return List.of(new WeakReference<>(detail.resultPane().lastResult()),
                    new WeakReference<>(detail.resultPane().lastAnalysis()), new WeakReference<>(payload));
        });
    }

    private static boolean collected(List<WeakReference<?>> refs) throws Exception {
        for (int i = 0; i < 20 && refs.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(100);
        }
        return refs.stream().allMatch(r -> r.get() == null);
    }

    /**
     * The least heap in use over three collections: ZGC counts whole pages (2 MB), and what the app
     * does in the background meanwhile (a warm-up, a delayed collection request) moved a single
     * reading by some 4 MB. What a leak keeps is in every reading.
     */
    private static long heapUsedAfterGc() throws Exception {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(200);
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    private static <T> T onFx(Callable<T> body) throws Exception {
        return WaitForAsyncUtils.asyncFx(body).get(120, TimeUnit.SECONDS);
    }

    private static void onFx(Runnable body) throws Exception {
        onFx(() -> {
            body.run();
            return null;
        });
    }

    private static void waitFor(long seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }
}
