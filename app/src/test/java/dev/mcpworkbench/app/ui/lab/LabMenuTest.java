package dev.mcpworkbench.app.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.app.ui.AppContext;
import dev.mcpworkbench.app.ui.common.TestWindows;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Lab menu follows starts and stops for the app's whole life, and shows misbehaviour names as they are. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LabMenuTest {

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
    void offersStartAgainAfterStopEvenAfterAGarbageCollection(FxRobot robot) throws Exception {
        robot.interact(() -> context.lab().model().start(DemoServer.AUTHORIZATION, ""));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> context.lab().model().running().containsKey(DemoServer.AUTHORIZATION));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(item("menu-stop-authorization")).as("Stop while running").isNotNull();

        // the menu must not depend on anything only weakly held
        for (int i = 0; i < 3; i++) System.gc();

        robot.interact(() -> item("menu-stop-authorization").fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !context.lab().model().running().containsKey(DemoServer.AUTHORIZATION));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(item("menu-stop-authorization")).as("Stop after stopping").isNull();
        assertThat(item("menu-start-authorization")).as("Start again after stopping").isNotNull();
    }

    @Test
    void showsUnderscoresInMisbehaviourNames() {
        Menu start = (Menu) item("menu-start-authorization");
        List<MenuItem> withUnderscore = start.getItems().stream().filter(i -> i.getText() != null && i.getText().contains("_")).toList();
        assertThat(withUnderscore).as("misbehaviours named with _").isNotEmpty();
        assertThat(withUnderscore).allSatisfy(i -> assertThat(i.isMnemonicParsing())
                .as("mnemonic parsing (would hide the _) of " + i.getText()).isFalse());
    }

    private MenuItem item(String id) {
        Menu lab = context.window().menuBar().getMenus().stream().filter(m -> "labMenu".equals(m.getId())).findFirst().orElseThrow();
        return lab.getItems().stream().flatMap(i -> i instanceof Menu m ? Stream.concat(Stream.of(i), m.getItems().stream()) : Stream.of(i))
                .filter(i -> id.equals(i.getId())).findFirst().orElse(null);
    }
}
