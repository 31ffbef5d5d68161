package dev.mcpworkbench.app.ui.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.mcpworkbench.app.ui.AppContext;
import dev.mcpworkbench.app.ui.common.Screenshots;
import dev.mcpworkbench.app.ui.common.TestWindows;
import dev.mcpworkbench.app.ui.connect.ConnectionState;
import dev.mcpworkbench.app.ui.connect.ProfileFields;
import dev.mcpworkbench.inspector.payload.PayloadDiff;
import dev.mcpworkbench.inspector.profile.ProfileStore;
import dev.mcpworkbench.inspector.profile.SavedRequests;
import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.RunningLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * A call made by hand on a saved connection to a real lab server is saved with its arguments and
 * result in the profile, survives a reconnect, is replayed in one click, and the replay is shown
 * against the last result: here a note created in between makes the two differ.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class SavedRequestsTest {

    /** The Replay button of the request saved as "all notes". */
    private static final java.util.function.Predicate<javafx.scene.Node> REPLAY = n -> "replay-all notes".equals(n.getId());

    private AppContext context;
    private Path profiles;
    private RunningLab lab;

    @Start
    void start(Stage stage) throws Exception {
        profiles = Files.createTempDirectory("workbench-saved-requests");
        context = TestWindows.show(stage, 1280, 860, profiles);
    }

    @AfterEach
    void stop() {
        Platform.runLater(context::close);
        if (lab != null) lab.close();
    }

    private void connect(FxRobot robot, ProfileFields p) throws Exception {
        robot.interact(() -> context.connection().connect(p));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> context.connection().stateProperty().get() == ConnectionState.CONNECTED
                && context.window().workspace().snapshotProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void select(FxRobot robot, String tool) {
        robot.interact(() -> {
            context.window().workspace().select("Tools");
            var list = context.window().workspace().tools().list().listView();
            list.getSelectionModel().select(list.getItems().stream().filter(t -> t.name().equals(tool)).findFirst().orElseThrow());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void call(FxRobot robot, com.fasterxml.jackson.databind.node.ObjectNode args) throws Exception {
        robot.interact(() -> {
            ToolDetailView detail = context.window().workspace().tools().detail();
            detail.editor().setArguments(args);
            detail.callTool();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !context.window().workspace().tools().detail().isCalling());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aSavedCallIsKeptInTheProfileReplayedAndComparedWithItsLastResult(FxRobot robot) throws Exception {
        lab = Lab.start(LabSpec.flawed());
        ProfileFields notes = ProfileFields.http("notes", lab.mcpUrl());
        robot.interact(() -> context.connection().saveProfile(null, notes));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> new ProfileStore(profiles).find("notes").isPresent());
        connect(robot, notes);

        select(robot, "list_notes");
        call(robot, JsonNodeFactory.instance.objectNode().put("limit", 50));
        robot.interact(() -> selectTab("Saved"));
        robot.clickOn("#saveRequestButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup(".dialog-pane .text-field").queryTextInputControl().setText("all notes"));
        robot.clickOn(robot.lookup(".dialog-pane .button").match(n -> n instanceof javafx.scene.control.Button b && b.isDefaultButton())
                .queryButton());

        // the profile keeps it, arguments and result
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !SavedRequests.of(new ProfileStore(profiles).find("notes").orElseThrow()).isEmpty());
        List<SavedRequests.Request> kept = SavedRequests.of(new ProfileStore(profiles).find("notes").orElseThrow());
        assertThat(kept).extracting(SavedRequests.Request::name, SavedRequests.Request::tool).containsExactly(
                org.assertj.core.groups.Tuple.tuple("all notes", "list_notes"));
        assertThat(kept.get(0).arguments().path("limit").asInt()).isEqualTo(50);
        assertThat(kept.get(0).lastResult()).isNotNull();

        // after a reconnect the request is read back from the profile
        robot.interact(() -> context.session().disconnect());
        connect(robot, notes);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> context.window().workspace().tools().detail().savedRequests().requests().size() == 1);

        // something changes on the server, then one click replays the saved call
        select(robot, "create_note");
        call(robot, JsonNodeFactory.instance.objectNode().put("title", "written between two replays"));
        select(robot, "list_notes");
        robot.interact(() -> selectTab("Saved"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(REPLAY).tryQuery().isPresent());
        robot.clickOn(robot.lookup(REPLAY).queryButton());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !context.window().workspace().tools().detail().savedPane().changes().getItems().isEmpty());
        List<PayloadDiff.Change> changes = context.window().workspace().tools().detail().savedPane().changes().getItems();
        assertThat(changes).extracting(c -> c.pointer().toString()).anyMatch(p -> p.startsWith("/content"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.maybeSave(context.window().getScene(), "saved-request-replay"));
        // both results side by side, in a window of their own
        robot.clickOn("#savedSideBySide");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(n -> n instanceof dev.mcpworkbench.app.ui.payload.PayloadDiffView).tryQuery().isPresent());

        // the replay's result is now the one the next replay is compared with
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> SavedRequests.of(new ProfileStore(profiles).find("notes").orElseThrow())
                .get(0).lastResult().toString().contains("written between two replays"));
    }

    private void selectTab(String title) {
        javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) context.window().workspace().tools().detail().lookup("#toolTabs");
        tabs.getTabs().stream().filter(t -> t.getText().equals(title)).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t));
    }
}
