package dev.mcpworkbench.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.app.ui.common.TestWindows;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** {@code --self-test} in the real window: the demo lab connects and the verdict is exit code 0; a too short timeout gives 1 and says why. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SelfTestTest {

    private AppContext context;

    @Start
    void start(Stage stage) throws Exception {
        context = TestWindows.show(stage, 1100, 700);
    }

    @org.junit.jupiter.api.AfterEach
    void stop() {
        context.close();
    }

    @Test
    void passesWhenTheDemoLabsToolsAreListed(FxRobot robot) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        robot.interact(() -> new SelfTest(context, new PrintStream(out, true, StandardCharsets.UTF_8), exit::complete)
                .run(Duration.ofSeconds(90)));
        assertThat(exit.get(100, TimeUnit.SECONDS)).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("self-test passed").containsPattern("\\d+ tools listed");
    }

    @Test
    void failsWithAReasonWhenNothingIsListedInTime(FxRobot robot) throws Exception {
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        robot.interact(() -> new SelfTest(context, new PrintStream(new ByteArrayOutputStream()), exit::complete)
                .run(Duration.ZERO));
        assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(1);
    }

    @Test
    void readsItsOption() {
        assertThat(SelfTest.requested(List.of())).isEmpty();
        assertThat(SelfTest.requested(List.of("--self-test"))).contains(SelfTest.DEFAULT_TIMEOUT);
        assertThat(SelfTest.requested(List.of("--self-test=30"))).contains(Duration.ofSeconds(30));
    }
}
