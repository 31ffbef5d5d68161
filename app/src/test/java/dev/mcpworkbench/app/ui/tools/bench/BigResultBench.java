package dev.mcpworkbench.app.ui.tools.bench;

import dev.mcpworkbench.app.ui.AppContext;
import dev.mcpworkbench.app.ui.common.TestWindows;
import dev.mcpworkbench.app.ui.connect.ConnectionState;
import dev.mcpworkbench.app.ui.connect.ProfileFields;
import dev.mcpworkbench.app.ui.tools.ToolDetailView;
import dev.mcpworkbench.app.ui.tools.ToolItem;
import dev.mcpworkbench.app.ui.traffic.TrafficRow;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real app window headless (Monocle) through the user's path for a big tool result:
 * connect a stdio server ({@link BigResultServer}), open the Tools tab, call {@code big}, wait for
 * the rendered result. Prints the longest FX frame gap (an AnimationTimer measures the time between
 * pulses), the time from the call's answer to the rendered result, and the peak RSS, for the first
 * call after start and a repeat call; then the RSS once the result left the screen.
 * Run through bench/big-result.sh (not a test: its figures are timings).
 */
public final class BigResultBench {

    static volatile long lastFrame;
    static final AtomicLong maxGap = new AtomicLong();
    static volatile boolean watching;
    /** The FX thread's CPU time in the longest gap. */
    static volatile long maxGapCpu;
    /** The most CPU time the FX thread ran between two frames: its own work, whatever the machine's load. */
    static volatile long maxCpu;
    /**
     * -Dbench.gapLog=MS: prints every watched gap longer than that as it ends (wall clock, gap, the
     * FX thread's CPU in it), to match it with the pulse logger's phases and JFR's samples.
     */
    /** -Dbench.shape: the tool result's shape ({@link BigResultServer}); the resource and prompt keep the rows. */
    static final String SHAPE = System.getProperty("bench.shape", "rows");

    private static final long GAP_LOG_NANOS = Long.getLong("bench.gapLog", 0) * 1_000_000;

    private BigResultBench() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        double megabytes = Double.parseDouble(args.length > 0 ? args[0] : "10");
        FxToolkit.registerPrimaryStage();
        AppContext[] holder = new AppContext[1];
        Path profiles = Files.createTempDirectory("workbench-bench");
        FxToolkit.setupStage(stage -> {
            holder[0] = TestWindows.show(stage, 1280, 800, profiles);
            // as the app does once its window is up (WorkbenchApp)
            dev.mcpworkbench.app.ui.payload.PayloadView.warmUpSoon(stage.getScene().getStylesheets());
            dev.mcpworkbench.app.ui.findings.DetailWarmUp.startOnce(stage.getScene().getStylesheets());
            dev.mcpworkbench.app.memory.HeapPolicy.shared();
        });
        AppContext context = holder[0];
        new AnimationTimer() {
            private long lastCpu;

            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                // the FX thread's own CPU time in the gap tells its work from waiting for a core
                long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                if (watching && lastFrame != 0 && t - lastFrame > maxGap.get()) {
                    maxGap.set(t - lastFrame);
                    maxGapCpu = cpu - lastCpu;
                }
                if (watching && lastFrame != 0) maxCpu = Math.max(maxCpu, cpu - lastCpu);
                if (watching && lastFrame != 0 && GAP_LOG_NANOS > 0 && t - lastFrame > GAP_LOG_NANOS) {
                    System.out.printf("GAP %s: %d ms, the FX thread ran %d ms%n", java.time.LocalTime.now(),
                            (t - lastFrame) / 1_000_000, (cpu - lastCpu) / 1_000_000);
                }
                lastFrame = t;
                lastCpu = cpu;
            }
        }.start();
        long idle = settledRssKb();
        System.out.printf("payload %.0f MB (%s); idle app RSS %,d MB (heap used %,d MB, committed %,d MB)%n", megabytes, SHAPE, idle / 1024,
                heapUsedMb(), heapCommittedMb());

        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx" + Math.max(256, (int) (megabytes * 6)) + "m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BigResultServer.class.getName());
        command.add(String.valueOf(megabytes));
        command.add(SHAPE);
        ProfileFields server = new ProfileFields("big over stdio", ProfileFields.Kind.STDIO, command.get(0),
                command.subList(1, command.size()), Map.of(), "", "", Map.of(), List.of());
        Platform.runLater(() -> context.connection().connect(server));
        waitFor(120, () -> context.connection().stateProperty().get() == ConnectionState.CONNECTED
                && context.window().workspace().snapshotProperty().get() != null);
        onFx(() -> {
            context.window().workspace().select("Tools");
            var list = context.window().workspace().tools().list().listView();
            ToolItem big = list.getItems().stream().filter(t -> t.name().equals("big")).findFirst().orElseThrow();
            list.getSelectionModel().select(big);
        });
        ToolDetailView detail = context.window().workspace().tools().detail();
        waitFor(10, () -> onFx(() -> detail.editor() != null && detail.editor().validProperty().get()));
        // the app's baseline: what it holds without the result, as the user has it just before calling
        long baseline = settledRssKb();
        System.out.printf("baseline (connected, the tool selected): RSS %,d MB (+%,d over the idle app; heap used %,d MB, committed %,d MB)%n",
                baseline / 1024, (baseline - idle) / 1024, heapUsedMb(), heapCommittedMb());
        measured = new long[] {idle, baseline};

        measure("first call", context, detail);
        // -Dbench.rssOnScreenSeconds=5,15,30: RSS that many seconds after the first call's figures (1 s after its checks), the result on screen
        long checked = System.nanoTime();
        for (String at : System.getProperty("bench.rssOnScreenSeconds", "").split(",")) {
            if (at.isBlank()) continue;
            int later = Integer.parseInt(at.trim());
            long wait = checked + later * 1_000_000_000L - System.nanoTime();
            if (wait > 0) Thread.sleep(wait / 1_000_000);
            System.out.printf("result on screen, %d s after the first call's figures: RSS %,d MB (+%,d over baseline), heap used %,d MB, committed %,d MB%n",
                    later, rssKb() / 1024, (rssKb() - baseline) / 1024, heapUsedMb(), heapCommittedMb());
        }
        measure("repeat call", context, detail);

        // the result leaves the screen: the pane goes back to empty
        onFx(() -> detail.resultPane().showEmpty());
        long left = System.nanoTime();
        settle();
        System.out.printf("after the result left the screen: RSS %,d MB (+%,d over baseline), heap used %,d MB, committed %,d MB%n",
                rssKb() / 1024, (rssKb() - baseline) / 1024, heapUsedMb(), heapCommittedMb());
        // the collector gives memory back to the system later (ZGC: -XX:ZUncommitDelay, 300 s by default)
        // -Dbench.rssAfterSeconds=10,30: RSS that many seconds after the result left (the GCs above, none after)
        for (String at : System.getProperty("bench.rssAfterSeconds", "").split(",")) {
            if (at.isBlank()) continue;
            int later = Integer.parseInt(at.trim());
            long wait = left + later * 1_000_000_000L - System.nanoTime();
            if (wait > 0) Thread.sleep(wait / 1_000_000);
            System.out.printf("%d s later: RSS %,d MB (+%,d over baseline), heap used %,d MB, committed %,d MB%n", later,
                    rssKb() / 1024, (rssKb() - baseline) / 1024, heapUsedMb(), heapCommittedMb());
        }
        if (Boolean.getBoolean("bench.histogram")) histogram();
        // after the figures above, so that what these views hold does not change them
        if (Boolean.parseBoolean(System.getProperty("bench.views", "true"))) BigResultViews.measureAll(context, detail);
        Platform.runLater(context::close);
        Thread.sleep(500);
    }

    static void measure(String label, AppContext context, ToolDetailView detail) throws Exception {
        settle();
        resetPeakRss();
        long callsBefore = answers(context);
        maxGap.set(0);
        maxGapCpu = 0;
        maxCpu = 0;
        long rendered = 0;
        watching = true;
        long allocatedBefore = allocatedBytes();
        long start = System.nanoTime();
        Instant startedAt = Instant.now();
        Platform.runLater(detail::callTool);
        // the result pane shows the answer; one more pulse lays it out
        waitFor(240, () -> !detail.isCalling() && detail.resultPane().lastResult() != null && answers(context) > callsBefore);
        // the text block's preview comes a frame after the result's tabs (NextFrame)
        waitFor(60, () -> onFx(() -> detail.resultPane().lookup(SHAPE.startsWith("image") || SHAPE.equals("audio")
                ? ".content-block" : ".block-text") != null));
        long frameAfter = lastFrame;
        waitFor(60, () -> lastFrame != frameAfter);
        long frameAfter2 = lastFrame;
        waitFor(60, () -> lastFrame != frameAfter2);
        rendered = System.nanoTime();
        Instant answered = answerTime(context);
        // the dynamic rules check the result in the background: keep watching the frames until they are done
        waitFor(300, () -> onFx(() -> !dev.mcpworkbench.app.ui.common.FxTasks.shared().busyProperty().get()));
        long checked = System.nanoTime();
        long allocated = allocatedBytes() - allocatedBefore;
        Thread.sleep(1000);
        watching = false;
        if (Boolean.getBoolean("bench.histogram")) {
            settle();
            System.out.printf("%s, result on screen: heap used %,d MB; biggest classes:%n", label, heapUsedMb());
            histogram();
        }
        double sinceAnswerMs = answered == null ? Double.NaN
                : (rendered - start) / 1e6 - java.time.Duration.between(startedAt, answered).toNanos() / 1e6;
        System.out.printf("%s: answer after %,d ms; rendered %,.0f ms after the answer (%,d ms after the click); "
                        + "background checks done %,d ms after the click; longest FX frame gap %,d ms (click to 1 s after the checks; the FX thread ran %,d ms of it; at most %,d ms between two frames); peak RSS %,d MB; "
                        + "allocated %,d MB (click to the checks done)%n",
                label, answered == null ? -1 : java.time.Duration.between(startedAt, answered).toMillis(), sinceAnswerMs,
                (rendered - start) / 1_000_000, (checked - start) / 1_000_000, maxGap.get() / 1_000_000, maxGapCpu / 1_000_000, maxCpu / 1_000_000, peakRssKb() / 1024, allocated >> 20);
        if (measured != null) {
            long peak = peakRssKb();
            System.out.printf("%s: peak RSS +%,d MB over the baseline, +%,d MB over the idle app%n", label,
                    (peak - measured[1]) / 1024, (peak - measured[0]) / 1024);
        }
    }

    private static long answers(AppContext context) throws Exception {
        return onFx(() -> context.traffic().rows().stream().filter(r -> isCallAnswer(context.traffic().rows(), r)).count());
    }

    private static Instant answerTime(AppContext context) throws Exception {
        return onFx(() -> {
            Instant last = null;
            for (TrafficRow r : context.traffic().rows()) if (isCallAnswer(context.traffic().rows(), r)) last = r.time();
            return last;
        });
    }

    /** A response (its method is empty) whose id is that of a tools/call request. */
    private static boolean isCallAnswer(List<TrafficRow> rows, TrafficRow r) {
        if (r.outgoing() || !r.method().isEmpty() || r.id() == null || r.id().isEmpty()) return false;
        return rows.stream().anyMatch(q -> q.outgoing() && "tools/call".equals(q.method()) && r.id().equals(q.id()));
    }

    /** The idle app's and the baseline's RSS in KB, once both are read: the peaks are printed over each. */
    private static long[] measured;

    /**
     * RSS once the app has settled: three collections, then longer than the launcher's
     * {@code -XX:ZUncommitDelay} (5 s) and native trim interval, so that neither reading counts heap
     * pages the collector has freed but not yet returned (a call would reuse them without growing).
     */
    private static long settledRssKb() throws Exception {
        settle();
        Thread.sleep(Long.getLong("bench.settleMillis", 6_500));
        return rssKb();
    }

    static void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(700);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The biggest classes on the heap, to find what holds a result that left the screen. */
    private static void histogram() throws Exception {
        var server = ManagementFactory.getPlatformMBeanServer();
        var name = new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand");
        String text = (String) server.invoke(name, "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
        text.lines().limit(Integer.getInteger("bench.histogramLines", 25)).forEach(System.out::println);
    }

    /**
     * Bytes allocated on the heap by all threads so far: unlike the timings, it does not depend on
     * how busy the machine is, so it compares builds on a shared machine.
     */
    static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
    }

    private static long heapUsedMb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    /** What the collector keeps from the system for the heap: RSS minus this is native memory. */
    private static long heapCommittedMb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / (1024 * 1024);
    }

    private static long rssKb() throws Exception {
        return statusKb("VmRSS:");
    }

    static long peakRssKb() throws Exception {
        return statusKb("VmHWM:");
    }

    private static long statusKb(String field) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field)) return Long.parseLong(line.replaceAll("\\D", ""));
        }
        return -1;
    }

    /** Writing 5 to clear_refs resets the peak RSS (VmHWM) of the process. */
    static void resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (Exception e) {
            System.out.println("(cannot reset the peak RSS: " + e.getMessage() + ")");
        }
    }

    static <T> T onFx(Callable<T> body) throws Exception {
        return WaitForAsyncUtils.asyncFx(body).get(120, TimeUnit.SECONDS);
    }

    static void onFx(Runnable body) throws Exception {
        onFx(() -> {
            body.run();
            return null;
        });
    }

    static void waitFor(long seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }
}
