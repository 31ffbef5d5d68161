package dev.mcpworkbench.app.ui.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.app.ui.AppContext;
import dev.mcpworkbench.app.ui.common.TestWindows;
import dev.mcpworkbench.inspector.rules.catalog.RuleSettingsFile;
import dev.mcpworkbench.inspector.rules.catalog.RuleSettingsInput;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
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
 * Server › Rule settings… changes a threshold the scans use: lowering SURFACE-001's tool count
 * makes a five-tool snapshot a finding, the value lands in {@code rule-settings.json} beside the
 * profiles (readable by {@code scan --rule-settings}), and "Reset to defaults" takes it back. A
 * broken file means the defaults and a message, not a crash.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RuleSettingsUiTest {

    private Stage stage;
    private Path configDir;
    private AppContext context;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        configDir = Files.createTempDirectory("workbench-rule-settings");
    }

    @AfterEach
    void close() {
        if (context != null) Platform.runLater(context::close);
    }

    private void openWindow(FxRobot robot) {
        robot.interact(() -> context = TestWindows.show(stage, 1200, 800, configDir));
    }

    private static void waitFor(long seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    private Path settingsFile() {
        return configDir.resolve(RuleSettingsFile.NAME);
    }

    private boolean hasSurface001() {
        return context.findings().findings().allItems().stream().anyMatch(i -> i.finding().ruleId().equals("SURFACE-001"));
    }

    /** Opens a snapshot of a five-tool server and waits for its findings. */
    private void openFiveToolSnapshot(FxRobot robot) throws Exception {
        List<com.fasterxml.jackson.databind.JsonNode> tools = IntStream.rangeClosed(1, 5)
                .<com.fasterxml.jackson.databind.JsonNode>mapToObj(i -> SnapshotJson.MAPPER.createObjectNode()
                .put("name", "tool_" + i).put("description", "Looks up record number " + i + ".")
                .set("inputSchema", SnapshotJson.MAPPER.createObjectNode().put("type", "object"))).toList();
        ServerSnapshot snapshot = ServerSnapshot.ofTools("five", SnapshotJson.MAPPER.createObjectNode(), tools);
        Path file = Files.createTempFile("five-tools", ".json");
        SnapshotJson.write(snapshot, file);
        robot.interact(() -> context.session().openFile(file));
        waitFor(30, () -> context.findings().findings().snapshotProperty().get() != null
                && !context.findings().findings().allItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void openDialogFromMenu(FxRobot robot) {
        MenuItem item = context.window().serverMenu().getItems().stream()
                .filter(i -> "ruleSettingsMenu".equals(i.getId())).findFirst().orElseThrow();
        assertThat(item.getAccelerator()).as("keyboard shortcut").isNotNull();
        robot.interact(item::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void loweringTheToolCountThresholdAddsTheFindingAndIsSavedInTheFile(FxRobot robot) throws Exception {
        openWindow(robot);
        openFiveToolSnapshot(robot);
        assertThat(hasSurface001()).as("5 tools are under the default threshold of 20").isFalse();

        openDialogFromMenu(robot);
        TextField medium = robot.lookup("#setting-SURFACE-001-medium").queryAs(TextField.class);
        assertThat(medium.getText()).isEqualTo("20");
        Button save = robot.lookup("#saveRuleSettings").queryAs(Button.class);

        robot.interact(medium::clear);
        robot.clickOn(medium).write("many");
        assertThat(save.isDisabled()).as("not a number").isTrue();
        assertThat(robot.lookup("#ruleSettingsError").queryAs(Label.class).getText()).contains("SURFACE-001.medium");

        robot.interact(medium::clear);
        robot.clickOn(medium).write("3");
        assertThat(save.isDisabled()).isFalse();
        robot.clickOn(save);

        waitFor(30, this::hasSurface001);
        waitFor(30, () -> Files.exists(settingsFile()));
        assertThat(RuleSettingsInput.read(settingsFile()).integer("SURFACE-001", "medium", 20)).isEqualTo(3);
        assertThat(Files.readString(settingsFile())).contains("\"SURFACE-001\"").contains("\"medium\" : 3");
        waitFor(10, () -> context.window().status().message().contains("Rule settings saved"));

        openDialogFromMenu(robot);
        assertThat(robot.lookup("#setting-SURFACE-001-medium").queryAs(TextField.class).getText()).isEqualTo("3");
        robot.clickOn("#resetRuleSettings");
        assertThat(robot.lookup("#setting-SURFACE-001-medium").queryAs(TextField.class).getText()).isEqualTo("20");
        robot.clickOn("#saveRuleSettings");
        waitFor(30, () -> !hasSurface001());
        waitFor(30, () -> RuleSettingsInput.read(settingsFile()).overrides().isEmpty());
    }

    @Test
    void aBrokenFileMeansTheDefaultsAndAMessage(FxRobot robot) throws Exception {
        Files.writeString(settingsFile(), "{ \"SURFACE-001\": { \"medium\": ");
        openWindow(robot);
        waitFor(30, () -> context.window().status().message().contains("Cannot read the rule settings"));
        assertThat(context.window().status().message()).contains(RuleSettingsFile.NAME).contains("defaults");
        assertThat(context.findings().ruleSettings().overrides()).isEmpty();

        openFiveToolSnapshot(robot);
        assertThat(hasSurface001()).isFalse();
        openDialogFromMenu(robot);
        assertThat(robot.lookup("#ruleSettingsProblem").queryAs(Label.class).getText()).contains("Cannot read the rule settings");
        assertThat(robot.lookup("#setting-SURFACE-001-medium").queryAs(TextField.class).getText()).isEqualTo("20");
        robot.clickOn(".button:cancel-button");
    }
}
