package dev.mcpworkbench.app.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.mcpworkbench.app.ui.AppContext;
import dev.mcpworkbench.app.ui.common.ThemeSettings;
import dev.mcpworkbench.app.ui.findings.FindingItem;
import dev.mcpworkbench.inspector.rules.Severity;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The first screen starts the flawed lab server in-process, connects, and the findings appear. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LabFirstScreenTest {

    private AppContext context;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        context = AppContext.create(new ThemeSettings(Preferences.userRoot().node("mcp-workbench-test-lab")),
                new dev.mcpworkbench.app.ui.connect.CoreConnector(new dev.mcpworkbench.app.ui.requests.UserPrompts(() -> stage, java.time.Duration.ofSeconds(30))),
                new dev.mcpworkbench.app.ui.connect.ProfileStore(tempProfiles()));
        stage.setScene(new Scene(context.window(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void startsTheFlawedServerConnectsAndShowsItsFindings(FxRobot robot) throws Exception {
        robot.clickOn("#start-flawed");
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                    () -> context.window().workspace().snapshotProperty().get() != null);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no snapshot: " + context.connection().stateProperty().get() + " "
                    + context.connection().errorProperty().get() + " / " + context.lab().model().statusProperty().get()
                    + " / " + ((javafx.scene.control.Label) context.window().lookup("#statusMessage")).getText(), e);
        }
        ServerSnapshot snapshot = context.window().workspace().snapshotProperty().get();
        assertThat(snapshot.source()).startsWith("http://127.0.0.1:").endsWith("/mcp");
        assertThat(snapshot.tools()).hasSizeGreaterThan(5);
        assertThat(context.lab().model().running()).containsKey(DemoServer.FLAWED);

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !context.findings().findings().allItems().isEmpty());
        assertThat(context.findings().findings().allItems()).extracting(FindingItem::finding)
                .anySatisfy(f -> assertThat(f.severity().atLeast(Severity.HIGH)).isTrue())
                .anySatisfy(f -> assertThat(f.ruleId()).startsWith("POISON-"));
        assertThat(robot.lookup("#tab-findings").tryQuery()).isPresent();
        robot.interact(() -> context.window().workspace().select("Tools"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".tool-list .count-badge").queryAll()).as("tool list badges").isNotEmpty();

        // the lab connection is not a profile's, yet Disconnect closes it
        javafx.scene.control.Button disconnect = robot.lookup("#disconnectButton").queryButton();
        assertThat(disconnect.isDisabled()).isFalse();
        robot.clickOn(disconnect);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(context.connection().stateProperty().get()).isEqualTo(dev.mcpworkbench.app.ui.connect.ConnectionState.DISCONNECTED);
        assertThat(context.window().workspace().liveProperty().get()).isNull();
        assertThat(disconnect.isDisabled()).isTrue();
    }

    private static java.nio.file.Path tempProfiles() {
        try {
            return java.nio.file.Files.createTempDirectory("workbench-analysis").resolve("profiles.json");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
