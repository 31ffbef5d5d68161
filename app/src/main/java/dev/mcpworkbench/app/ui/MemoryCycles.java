package dev.mcpworkbench.app.ui;

import dev.mcpworkbench.app.ui.connect.ConnectionState;
import dev.mcpworkbench.app.ui.lab.DemoServer;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.BiConsumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;

/**
 * {@code mcp-workbench --self-test-cycles=N}: the self-test, then N disconnect/connect cycles on
 * the demo lab, printing after each connection the process's resident memory (RSS, as the OS
 * counts it, from /proc on Linux) and the Java heap in use after a GC, so a leak shows as a
 * growing column (bench/desktop-memory.sh runs it under Xvfb).
 */
final class MemoryCycles {

    static final String OPTION = "--self-test-cycles";

    private enum Phase { CONNECTED, MEASURING, DISCONNECTING, CONNECTING, DONE }

    private final AppContext context;
    private final PrintStream out;
    private final int cycles;
    private final BiConsumer<Integer, String> finish;
    private final Timeline poll = new Timeline();
    private Phase phase = Phase.CONNECTED;
    private int cycle;
    /** When the current cycle began: one that takes longer than {@link SelfTest#DEFAULT_TIMEOUT} fails the run. */
    private long cycleStarted = System.nanoTime();

    MemoryCycles(AppContext context, PrintStream out, int cycles, BiConsumer<Integer, String> finish) {
        this.context = context;
        this.out = out;
        this.cycles = cycles;
        this.finish = finish;
    }

    /** The number of cycles {@code args} ask for, if they do. */
    static OptionalInt requested(List<String> args) {
        for (String a : args) {
            if (a.startsWith(OPTION + "=")) {
                try {
                    return OptionalInt.of(Math.max(0, Integer.parseInt(a.substring(OPTION.length() + 1))));
                } catch (NumberFormatException e) {
                    return OptionalInt.of(10);
                }
            }
        }
        return OptionalInt.empty();
    }

    /** On the FX thread, once the self-test has the demo lab connected and its tools listed. */
    void start() {
        poll.getKeyFrames().setAll(new KeyFrame(javafx.util.Duration.millis(250), e -> step()));
        poll.setCycleCount(Animation.INDEFINITE);
        poll.play();
    }

    private void step() {
        ConnectionState state = context.connection().stateProperty().get();
        if (state == ConnectionState.FAILED) {
            end(1, "self-test FAILED: cycle " + cycle + ": " + context.connection().errorProperty().get());
            return;
        }
        if (phase != Phase.DONE && System.nanoTime() - cycleStarted > SelfTest.DEFAULT_TIMEOUT.toNanos()) {
            end(1, "self-test FAILED: cycle " + cycle + " did not finish within " + SelfTest.DEFAULT_TIMEOUT.toSeconds()
                    + " s (connection " + state + ")");
            return;
        }
        switch (phase) {
            case CONNECTED -> {
                phase = Phase.MEASURING;
                Thread.ofVirtual().start(() -> {
                    String figures = measure();
                    Platform.runLater(() -> measured(figures));
                });
            }
            case DISCONNECTING -> {
                if (state == ConnectionState.DISCONNECTED) {
                    phase = Phase.CONNECTING;
                    context.lab().model().startAndConnect(DemoServer.FLAWED);
                }
            }
            case CONNECTING -> {
                if (state == ConnectionState.CONNECTED && !context.window().workspace().tools().list().listView().getItems().isEmpty()) {
                    phase = Phase.CONNECTED;
                }
            }
            default -> { }
        }
    }

    private void measured(String figures) {
        out.println("memory: " + (cycle == 0 ? "first connection" : "after cycle " + cycle) + ": " + figures);
        if (cycle == cycles) {
            end(0, "self-test passed: " + cycles + " disconnect/connect cycles on the demo lab");
            return;
        }
        cycle++;
        cycleStarted = System.nanoTime();
        phase = Phase.DISCONNECTING;
        context.session().disconnect();
    }

    private void end(int code, String message) {
        if (phase == Phase.DONE) return;
        phase = Phase.DONE;
        poll.stop();
        finish.accept(code, message);
    }

    /** Off the FX thread: a GC (so the heap figure is what is still reachable), then RSS and heap. */
    private static String measure() {
        System.gc();
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return "RSS " + rssMegabytes() + " MB, heap used after GC " + heap / (1024 * 1024) + " MB";
    }

    private static String rssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return String.valueOf(Long.parseLong(line.replaceAll("\\D", "")) / 1024);
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: no /proc
        }
        return "n/a";
    }
}
