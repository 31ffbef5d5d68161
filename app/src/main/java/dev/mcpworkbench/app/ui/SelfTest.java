package dev.mcpworkbench.app.ui;

import dev.mcpworkbench.app.ui.connect.ConnectionState;
import dev.mcpworkbench.app.ui.lab.DemoServer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.scene.control.ListCell;

/**
 * {@code mcp-workbench --self-test}: proves an installation works end to end without a person at
 * the screen. In the real window it starts the demo lab's flawed server, connects to it, and ends
 * the app with exit code 0 once the Tools tab lists the server's tools; with 1 and the reason when
 * the connection fails or nothing is listed before the timeout. CI runs it on the installed package.
 */
final class SelfTest {

    static final String OPTION = "--self-test";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private final AppContext context;
    private final PrintStream out;
    private final IntConsumer exit;
    private boolean finished;
    private Timeline poll;
    /** Disconnect/connect cycles to run once connected ({@code --self-test-cycles=N}), or 0. */
    private int cycles;
    private boolean passed;
    private PauseTransition deadline;

    SelfTest(AppContext context, PrintStream out, IntConsumer exit) {
        this.context = context;
        this.out = out;
        this.exit = exit;
    }

    /** The self-test's timeout when {@code args} ask for one ({@code --self-test} or {@code --self-test=SECONDS}). */
    static Optional<Duration> requested(List<String> args) {
        if (MemoryCycles.requested(args).isPresent()) return Optional.of(DEFAULT_TIMEOUT);
        for (String a : args) {
            if (a.equals(OPTION)) return Optional.of(DEFAULT_TIMEOUT);
            if (a.startsWith(OPTION + "=")) {
                try {
                    return Optional.of(Duration.ofSeconds(Long.parseLong(a.substring(OPTION.length() + 1))));
                } catch (NumberFormatException e) {
                    return Optional.of(DEFAULT_TIMEOUT);
                }
            }
        }
        return Optional.empty();
    }

    /** Then {@code n} disconnect/connect cycles with memory figures (see {@link MemoryCycles}). */
    SelfTest withCycles(int n) {
        cycles = n;
        return this;
    }

    /** On the FX thread, once the window is shown. */
    void run(Duration timeout) {
        out.println("self-test: window shown; starting the demo lab and connecting");
        context.connection().stateProperty().addListener((Observable o) -> check());
        context.window().workspace().tools().list().listView().getItems().addListener((Observable o) -> check());
        // the list's rows are laid out a pulse after its items arrive: look again until then
        poll = new Timeline(new KeyFrame(javafx.util.Duration.millis(250), e -> check()));
        poll.setCycleCount(Animation.INDEFINITE);
        poll.play();
        context.lab().model().statusProperty().addListener((o, a, status) -> {
            if (status.startsWith("Could not start")) fail(status);
        });
        deadline = new PauseTransition(javafx.util.Duration.millis(timeout.toMillis()));
        deadline.setOnFinished(e -> fail("no tools listed after " + timeout.toSeconds() + " s (connection "
                + context.connection().stateProperty().get() + ", lab: " + context.lab().model().statusProperty().get() + ")"));
        context.lab().model().startAndConnect(DemoServer.FLAWED);
        deadline.play();
    }

    private void check() {
        if (passed) return; // the cycles watch the connection from here on
        if (context.connection().stateProperty().get() == ConnectionState.FAILED) {
            fail("the connection to the demo lab failed: " + context.connection().errorProperty().get());
            return;
        }
        var list = context.window().workspace().tools().list().listView();
        int tools = list.getItems().size();
        if (tools == 0 || context.connection().stateProperty().get() != ConnectionState.CONNECTED) return;
        context.window().workspace().select("Tools");
        // shown: in the window, on the selected tab, laid out with rows that hold tools
        boolean rowsShown = list.lookupAll(".list-cell").stream().anyMatch(n -> n instanceof ListCell<?> c && c.getItem() != null);
        if (list.getScene() != null && list.isVisible() && list.getHeight() > 0 && rowsShown && cycles > 0) {
            if (passed) return;
            passed = true;
            poll.stop();
            deadline.stop(); // each cycle has its own limit in MemoryCycles
            out.println("self-test: demo lab connected, " + tools + " tools listed; " + cycles + " disconnect/connect cycles follow");
            new MemoryCycles(context, out, cycles, this::finish).start();
        } else if (list.getScene() != null && list.isVisible() && list.getHeight() > 0 && rowsShown) {
            finish(0, "self-test passed: window shown, demo lab connected, " + tools + " tools listed");
        }
    }

    private void fail(String reason) {
        finish(1, "self-test FAILED: " + reason);
    }

    private void finish(int code, String message) {
        if (finished) return;
        finished = true;
        if (poll != null) poll.stop();
        (code == 0 ? out : System.err).println(message);
        context.close();
        Platform.runLater(() -> exit.accept(code));
    }
}
