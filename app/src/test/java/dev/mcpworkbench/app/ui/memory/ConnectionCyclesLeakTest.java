package dev.mcpworkbench.app.ui.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.app.ui.AppContext;
import dev.mcpworkbench.app.ui.common.TestWindows;
import dev.mcpworkbench.app.ui.connect.ConnectionState;
import dev.mcpworkbench.app.ui.lab.DemoServer;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Ten connect/disconnect cycles on the demo lab leave nothing of the closed connections behind:
 * weak references to each cycle's session, server snapshot, live server, tool list items, findings,
 * rows of the findings table and the overview's stat tiles are cleared by the garbage collector once another server is on
 * screen, and the heap used after a full GC does not grow from cycle to cycle. Something that keeps a closed connection reachable
 * (a listener left on a long-lived property, a cache keyed by session) fails it.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ConnectionCyclesLeakTest {

    private static final int CYCLES = 10;
    /** Heap used after GC may wobble by a few MB (class loading, JIT, FX caches); a leak of whole snapshots adds more each cycle. */
    private static final long ALLOWED_GROWTH_BYTES = 24L * 1024 * 1024;

    private AppContext context;

    @Start
    void start(Stage stage) throws Exception {
        context = TestWindows.show(stage, 1280, 800);
    }

    @AfterEach
    void stop() {
        Platform.runLater(context::close);
    }

    @Test
    void closedConnectionsAreCollectedAndTheHeapDoesNotGrow(FxRobot robot) throws Exception {
        Map<String, WeakReference<Object>> closed = new LinkedHashMap<>();
        List<Long> heap = new ArrayList<>();
        for (int cycle = 1; cycle <= CYCLES + 1; cycle++) {
            connect(robot);
            if (cycle > CYCLES) break; // the last connection only puts another server on screen
            remember(closed, "cycle " + cycle + " session", context.connection().session());
            remember(closed, "cycle " + cycle + " snapshot", context.window().workspace().snapshotProperty().get());
            remember(closed, "cycle " + cycle + " live server", context.window().workspace().liveProperty().get());
            remember(closed, "cycle " + cycle + " first tool item",
                    context.window().workspace().tools().list().listView().getItems().get(0));
            remember(closed, "cycle " + cycle + " first finding", context.findings().findings().allItems().get(0));
            remember(closed, "cycle " + cycle + " first row of the findings table", WaitForAsyncUtils.asyncFx(this::firstFindingRow).get());
            remember(closed, "cycle " + cycle + " overview's stat tiles", context.window().lookup("#overviewStats"));
            heap.add(usedAfterGc());
            robot.interact(() -> context.session().disconnect());
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> context.connection().stateProperty().get() == ConnectionState.DISCONNECTED);
        }
        WaitForAsyncUtils.waitForFxEvents();

        List<String> alive = stillReachable(closed, 20_000);
        assertThat(alive).as("objects of closed connections still reachable after GC").isEmpty();
        long growth = heap.get(heap.size() - 1) - heap.get(1);
        System.out.printf("heap used after GC per cycle (MB): %s; growth from cycle 2 to %d: %.1f MB%n",
                heap.stream().map(b -> String.format("%.1f", b / 1048576.0)).toList(), CYCLES, growth / 1048576.0);
        assertThat(growth).as("heap growth from cycle 2 to cycle " + CYCLES + ", bytes").isLessThan(ALLOWED_GROWTH_BYTES);
    }

    private void connect(FxRobot robot) throws Exception {
        robot.interact(() -> context.lab().model().startAndConnect(DemoServer.FLAWED));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> context.connection().stateProperty().get() == ConnectionState.CONNECTED
                && context.window().workspace().snapshotProperty().get() != null
                && !context.window().workspace().tools().list().listView().getItems().isEmpty()
                // the findings of this server are scanned (their results are per connection too)
                && context.findings().findings().snapshotProperty().get() == context.window().workspace().snapshotProperty().get()
                && !context.findings().findings().allItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A row of the Findings tab's tree table (its skin kept every root it was given: JDK-8349758). */
    private Object firstFindingRow() {
        var table = (javafx.scene.control.TreeTableView<?>) context.window().lookup("#findingsTable");
        return table.getRoot().getChildren().get(0);
    }

    private static void remember(Map<String, WeakReference<Object>> refs, String what, Object o) {
        assertThat(o).as(what).isNotNull();
        refs.put(what, new WeakReference<>(o));
    }

    private static List<String> stillReachable(Map<String, WeakReference<Object>> refs, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        List<String> alive;
        do {
            System.gc();
            Thread.sleep(200);
            WaitForAsyncUtils.waitForFxEvents();
            alive = refs.entrySet().stream().filter(e -> e.getValue().get() != null).map(Map.Entry::getKey).toList();
        } while (!alive.isEmpty() && System.currentTimeMillis() < end);
        return alive;
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
