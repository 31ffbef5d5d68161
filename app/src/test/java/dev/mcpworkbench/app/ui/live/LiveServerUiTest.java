package dev.mcpworkbench.app.ui.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mcpworkbench.app.ui.AppContext;
import dev.mcpworkbench.app.ui.common.TestWindows;
import dev.mcpworkbench.app.ui.connect.ConnectionState;
import dev.mcpworkbench.app.ui.tools.ToolItem;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
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
 * The whole path a user takes: the app's window, a stdio profile for server-everything, Connect,
 * the Tools tab, a tool's generated form, Call, the result; and the traffic that went with it.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LiveServerUiTest {

    private AppContext context;

    @Start
    void start(Stage stage) throws Exception {
        context = TestWindows.show(stage, 1360, 860);
    }

    @AfterEach
    void close() {
        if (context != null) javafx.application.Platform.runLater(context::close);
    }

    private static java.util.Optional<javafx.stage.Stage> payloadWindow() {
        return javafx.stage.Window.getWindows().stream().filter(w -> w instanceof javafx.stage.Stage s
                && s.getTitle() != null && s.getTitle().equals("Payload · get-sum")).map(w -> (javafx.stage.Stage) w).findFirst();
    }

    private static void waitFor(long seconds, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    @Test
    void connectOpenAToolFillTheFormCallItAndSeeTheResult(FxRobot robot) throws Exception {
        assumeTrue(EverythingServer.installed(), "server-everything is not installed (.ci/node-tools.sh)");
        robot.interact(() -> context.connection().saveProfile(null, EverythingServer.profile()));
        robot.clickOn("#connectButton");
        waitFor(60, () -> context.connection().stateProperty().get() != ConnectionState.CONNECTING
                && context.connection().stateProperty().get() != ConnectionState.DISCONNECTED);
        assertThat(context.connection().errorProperty().get()).as("connection error").isEmpty();
        assertThat(context.connection().stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
        // the status bar follows the state in a later FX event: wait for it rather than race it
        Label status = robot.lookup("#connectionStatus").queryAs(Label.class);
        waitFor(10, () -> WaitForAsyncUtils.asyncFx(status::getText).get().startsWith("Connected"));

        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.DIGIT2).release(javafx.scene.input.KeyCode.DIGIT2, javafx.scene.input.KeyCode.CONTROL);
        assertThat(context.window().workspace().getSelectionModel().getSelectedItem().getText()).isEqualTo("Tools");
        @SuppressWarnings("unchecked")
        ListView<ToolItem> tools = robot.lookup("#toolList").queryAs(ListView.class);
        assertThat(tools.getItems()).extracting(ToolItem::name).contains("echo", "get-sum");
        robot.clickOn("#toolSearch").write("get-sum");
        waitFor(5, () -> tools.getItems().size() == 1);
        robot.interact(() -> tools.getSelectionModel().select(0));
        assertThat(robot.lookup("#toolName").queryAs(Label.class).getText()).isEqualTo("get-sum");

        robot.clickOn(robot.lookup("#field-a").lookup(".text-field").queryAs(TextField.class)).write("2");
        robot.clickOn(robot.lookup("#field-b").lookup(".text-field").queryAs(TextField.class)).write("40");
        assertThat(robot.lookup("#rawJson").queryAs(TextArea.class).getText()).contains("\"a\" : 2").contains("\"b\" : 40");
        robot.clickOn("#callButton");
        waitFor(30, () -> robot.lookup("#resultHeader").tryQuery().isPresent()
                && robot.lookup("#resultHeader").queryAs(Label.class).getText().startsWith("Result"));
        assertThat(context.window().workspace().tools().detail().resultPane().lastResult().toString()).contains("42");

        // the result pane under the form is short: the result opens in a payload window of its own
        robot.clickOn("#resultDetach");
        waitFor(10, () -> payloadWindow().isPresent());
        javafx.stage.Stage window = payloadWindow().orElseThrow();
        // the window opens on a placeholder and attaches the view's parts over the next frames
        waitFor(10, () -> window.getScene().getRoot().lookup(".payload-tree") != null);
        @SuppressWarnings("unchecked")
        javafx.scene.control.TreeTableView<dev.mcpworkbench.app.ui.payload.NodeRef> payloadTree =
                (javafx.scene.control.TreeTableView<dev.mcpworkbench.app.ui.payload.NodeRef>) window.getScene().getRoot().lookup(".payload-tree");
        // the tree has row cells before the result arrives (built with the view): wait for the result's rows
        waitFor(30, () -> payloadTree.getRoot() != null && !payloadTree.getRoot().getChildren().isEmpty()
                && payloadTree.getRoot().getChildren().get(0).getValue().tree().rawText(0).contains("42"));
        assertThat(payloadTree.getRoot().getChildren().get(0).getValue().tree().size()).isGreaterThan(3);
        robot.interact(window::close);

        waitFor(10, () -> context.traffic().rows().stream().anyMatch(r -> r.method().equals("tools/call")));
        assertThat(context.traffic().rows()).anyMatch(r -> r.method().equals("initialize") && r.outgoing());
        assertThat(context.traffic().rows()).anyMatch(r -> r.kind().equals("response") && r.latency() != null);

        robot.interact(() -> context.window().workspace().select("Traffic"));
        robot.clickOn("#trafficFilter").write("tools/call");
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<dev.mcpworkbench.app.ui.traffic.TrafficRow> table =
                robot.lookup("#trafficTable").queryAs(javafx.scene.control.TableView.class);
        // the filter text is searched in the background after a short pause
        waitFor(10, () -> !table.getItems().isEmpty() && table.getItems().size() < context.traffic().rows().size());
        assertThat(table.getItems()).isNotEmpty().hasSizeLessThan(context.traffic().rows().size())
                .allMatch(r -> r.text().contains("tools/call") || r.method().contains("tools/call"));
        robot.interact(() -> table.getSelectionModel().select(0));
        assertThat(robot.lookup("#trafficDetail").queryAs(TextArea.class).getText()).contains("\"method\" : \"tools/call\"");
    }

    @Test
    void resourcesAreListedAndRead(FxRobot robot) throws Exception {
        assumeTrue(EverythingServer.installed(), "server-everything is not installed (.ci/node-tools.sh)");
        robot.interact(() -> context.connection().saveProfile(null, EverythingServer.profile()));
        robot.interact(() -> context.connection().connect());
        waitFor(60, () -> context.connection().stateProperty().get() == ConnectionState.CONNECTED);
        robot.interact(() -> context.window().workspace().select("Resources"));
        @SuppressWarnings("unchecked")
        ListView<com.fasterxml.jackson.databind.JsonNode> resources = robot.lookup("#resourceList").queryAs(ListView.class);
        assertThat(resources.getItems()).isNotEmpty();
        robot.interact(() -> resources.getSelectionModel().select(0));
        robot.clickOn("#readResource");
        waitFor(30, () -> robot.lookup("#resourcesView .block-text").tryQuery().isPresent());
        assertThat(robot.lookup("#resourcesView .block-text").queryAs(TextArea.class).getText()).isNotBlank();
        // the payload viewer parses the read where it lies in the message's bytes
        String uri = resources.getItems().get(0).path("uri").asText();
        robot.clickOn("#resourcesView .payload-open");
        waitFor(30, () -> javafx.stage.Window.getWindows().stream().anyMatch(w -> w instanceof javafx.stage.Stage s
                && ("Payload · " + uri).equals(s.getTitle()) && s.getScene().getRoot() instanceof dev.mcpworkbench.app.ui.payload.PayloadView v
                && v.model().payloadProperty().get() != null));
        robot.interact(() -> dev.mcpworkbench.app.ui.payload.PayloadWindow.closeAll());
    }

    @Test
    void theServerAsksForInputAndTheUsersAnswerFromTheGeneratedFormReachesIt(FxRobot robot) throws Exception {
        assumeTrue(EverythingServer.installed(), "server-everything is not installed (.ci/node-tools.sh)");
        robot.interact(() -> context.connection().saveProfile(null, EverythingServer.profile()));
        robot.interact(() -> context.connection().connect());
        waitFor(60, () -> context.connection().stateProperty().get() == ConnectionState.CONNECTED);
        robot.interact(() -> context.window().workspace().select("Tools"));
        @SuppressWarnings("unchecked")
        ListView<ToolItem> tools = robot.lookup("#toolList").queryAs(ListView.class);
        // CONNECTED comes before the listing: wait for the tool, then for its form's Call button
        waitFor(30, () -> tools.getItems().stream().anyMatch(t -> t.name().equals("trigger-elicitation-request")));
        robot.interact(() -> tools.getItems().stream().filter(t -> t.name().equals("trigger-elicitation-request"))
                .findFirst().ifPresent(t -> tools.getSelectionModel().select(t)));
        waitFor(10, () -> robot.lookup("#callButton").tryQuery().isPresent());
        robot.clickOn("#callButton");
        waitFor(30, () -> robot.lookup("#elicitationEditor").tryQuery().isPresent());
        TextField name = robot.lookup("#elicitationEditor").lookup("#field-name").lookup(".text-field").queryAs(TextField.class);
        robot.clickOn(name).write("Ada Lovelace");
        robot.clickOn("Accept");
        waitFor(30, () -> context.window().workspace().tools().detail().resultPane().lastResult() != null);
        assertThat(context.window().workspace().tools().detail().resultPane().lastResult().toString()).contains("Ada Lovelace");
        assertThat(context.traffic().rows()).anyMatch(r -> r.method().equals("elicitation/create") && !r.outgoing());
    }

    @Test
    void theServerAsksForACompletionAndGetsTheAnswerTheUserWrote(FxRobot robot) throws Exception {
        assumeTrue(EverythingServer.installed(), "server-everything is not installed (.ci/node-tools.sh)");
        robot.interact(() -> context.connection().saveProfile(null, EverythingServer.profile()));
        robot.interact(() -> context.connection().connect());
        waitFor(60, () -> context.connection().stateProperty().get() == ConnectionState.CONNECTED);
        robot.interact(() -> context.window().workspace().select("Tools"));
        @SuppressWarnings("unchecked")
        ListView<ToolItem> tools = robot.lookup("#toolList").queryAs(ListView.class);
        robot.interact(() -> tools.getItems().stream().filter(t -> t.name().equals("trigger-sampling-request"))
                .findFirst().ifPresent(t -> tools.getSelectionModel().select(t)));
        robot.clickOn(robot.lookup("#field-prompt").lookup(".text-field").queryAs(TextField.class)).write("Say hi");
        robot.clickOn("#callButton");
        waitFor(30, () -> robot.lookup("#samplingAnswer").tryQuery().isPresent());
        robot.clickOn("#samplingAnswer").write("Hi from the person at the workbench");
        robot.clickOn("Send answer");
        waitFor(30, () -> context.window().workspace().tools().detail().resultPane().lastResult() != null);
        assertThat(context.window().workspace().tools().detail().resultPane().lastResult().toString())
                .contains("Hi from the person at the workbench");
    }

    @Test
    void aFailingServerShowsItsReasonAndTheWindowStaysUsable(FxRobot robot) throws Exception {
        robot.interact(() -> context.connection().saveProfile(null, new dev.mcpworkbench.app.ui.connect.ProfileFields(
                "broken", dev.mcpworkbench.app.ui.connect.ProfileFields.Kind.STDIO, "/nonexistent/mcp-server",
                java.util.List.of(), java.util.Map.of(), "", "", java.util.Map.of(), java.util.List.of())));
        robot.clickOn("#connectButton");
        waitFor(30, () -> context.connection().stateProperty().get() == ConnectionState.FAILED);
        assertThat(context.connection().errorProperty().get()).isNotBlank().doesNotContain("\n");
        assertThat(robot.lookup(".profile-error").queryAs(Label.class).getText()).isEqualTo(context.connection().errorProperty().get());
    }
}
