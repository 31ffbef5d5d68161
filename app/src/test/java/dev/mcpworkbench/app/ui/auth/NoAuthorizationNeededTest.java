package dev.mcpworkbench.app.ui.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.app.ui.AppContext;
import dev.mcpworkbench.app.ui.common.TestWindows;
import dev.mcpworkbench.app.ui.connect.ConnectionState;
import dev.mcpworkbench.app.ui.lab.DemoServer;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A server that never answers 401 (the lab's flawed server on loopback): the tab says no authorization is needed, nothing waits. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class NoAuthorizationNeededTest {

    private AppContext context;

    @Start
    void start(Stage stage) throws Exception {
        context = TestWindows.show(stage, 1100, 700);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void saysNoAuthorizationNeededOnceConnectedWithoutA401(FxRobot robot) throws Exception {
        robot.interact(() -> context.lab().model().startAndConnect(DemoServer.FLAWED));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> context.connection().stateProperty().get() == ConnectionState.CONNECTED);
        robot.interact(() -> context.window().workspace().select("Authorization"));
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> dev.mcpworkbench.app.ui.common.Screenshots.maybeSave(context.window().getScene(), "authorization-not-needed"));
        Label summary = robot.lookup("#authSummary").queryAs(Label.class);
        assertThat(summary.getText()).startsWith("No authorization needed");
        assertThat(context.authorization().steps().steps()).as("no step left waiting")
                .noneMatch(StepItem::isPending);
    }
}
