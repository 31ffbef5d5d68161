package dev.mcpworkbench.app.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.app.ui.connect.ConnectionState;
import dev.mcpworkbench.app.ui.findings.FindingsViewModel;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.RunningLab;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A snapshot file opened while connected replaces the session: the connection closes, the
 * previous server's traffic, log, hand-made findings and filters go, and refreshing cannot
 * bring the closed server back over the file.
 */
class SnapshotFileDoorTest extends DoorTestBase {

    private RunningLab lab;

    @Override
    void open(FxRobot robot) {
        lab = Lab.start(LabSpec.flawed());
        robot.interact(() -> context.typedUrls().connect(lab.mcpUrl()));
    }

    @Override
    void closeServer() {
        if (lab != null) lab.close();
    }

    @Override
    Class<? extends SessionSource> expectedSource() {
        return SessionSource.TypedUrl.class;
    }

    @Test
    @Override
    void trafficLogRefreshAndAHandMadeCallsFindingsFollowTheSession(FxRobot robot) throws Exception {
        connected(robot);
        FindingsViewModel findings = context.findings().findings();
        waitFor(60, () -> findings.snapshotProperty().get() != null, () -> "no scan");
        callLeakyTool(robot);
        waitFor(30, () -> fromCall(findings) > 0, () -> "no dynamic finding; " + state());
        robot.interact(() -> findings.searchProperty().set("leak"));
        ServerSnapshot live = context.window().workspace().snapshotProperty().get();
        Path file = Files.createTempDirectory("workbench-door-file").resolve("flawed.json");
        SnapshotJson.write(live, file);

        robot.interact(() -> context.session().openFile(file));
        waitFor(30, () -> context.session().source() instanceof SessionSource.SnapshotFile, this::state);
        waitFor(60, () -> findings.snapshotProperty().get() != null && !findings.allItems().isEmpty(), () -> "no scan of the file");
        WaitForAsyncUtils.waitForFxEvents();
        ServerSnapshot shown = context.window().workspace().snapshotProperty().get();
        assertThat(context.connection().stateProperty().get()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(context.window().workspace().liveProperty().get()).isNull();
        assertThat(context.traffic().rows()).isEmpty();
        assertThat(context.log().entries()).isEmpty();
        assertThat(fromCall(findings)).as("the closed server's hand-made findings left with it").isZero();
        assertThat(findings.searchProperty().get()).isEmpty();
        assertThat(findings.storageNoteProperty().get()).startsWith("Not saved");

        robot.interact(() -> context.session().refresh());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(context.window().workspace().snapshotProperty().get()).isSameAs(shown);
        assertThat(context.traffic().rows()).isEmpty();
    }
}
