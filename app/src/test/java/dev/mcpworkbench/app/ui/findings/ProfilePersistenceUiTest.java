package dev.mcpworkbench.app.ui.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.app.ui.AppContext;
import dev.mcpworkbench.app.ui.common.TestWindows;
import dev.mcpworkbench.app.ui.connect.ConnectionState;
import dev.mcpworkbench.app.ui.connect.ProfileFields;
import dev.mcpworkbench.inspector.profile.ConnectionProfile;
import dev.mcpworkbench.inspector.profile.ProfileAnalysisState;
import dev.mcpworkbench.lab.LabServerKind;
import dev.mcpworkbench.lab.StdioLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
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
 * Suppressions and pins made while connected through a saved profile are written into that
 * profile, and are in force again at the next connection: the same finding stays suppressed,
 * and the drift view compares with the pin.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class ProfilePersistenceUiTest {

    private AppContext context;
    private Path profiles;

    @Start
    void start(Stage stage) throws Exception {
        profiles = Files.createTempDirectory("workbench-profiles");
        context = TestWindows.show(stage, 1200, 800, profiles);
    }

    @AfterEach
    void close() {
        if (context != null) javafx.application.Platform.runLater(context::close);
    }

    private static void waitFor(long seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    private static ProfileFields flawedLab() {
        List<String> cmd = StdioLab.command(LabServerKind.FLAWED);
        return new ProfileFields("acme", ProfileFields.Kind.STDIO, cmd.get(0), cmd.subList(1, cmd.size()), Map.of(), "", "",
                Map.of(), List.of());
    }

    private void connectAndWaitForFindings(FxRobot robot) throws Exception {
        robot.interact(() -> context.connection().connect());
        waitFor(60, () -> context.connection().stateProperty().get() == ConnectionState.CONNECTED);
        waitFor(60, () -> !context.findings().findings().visibleItems().isEmpty());
    }

    private ConnectionProfile savedOnDisk() throws Exception {
        return new dev.mcpworkbench.inspector.profile.ProfileStore(profiles).load().profiles().get(0);
    }

    @Test
    void suppressionsAndPinsComeBackWithTheProfile(FxRobot robot) throws Exception {
        robot.interact(() -> context.connection().saveProfile(null, flawedLab()));
        connectAndWaitForFindings(robot);
        FindingsViewModel findings = context.findings().findings();
        FindingItem first = findings.visibleItems().get(0);
        String fingerprint = first.finding().fingerprint();
        robot.interact(() -> findings.suppress(first, "Known; tracked in ACME-12"));
        robot.interact(() -> context.findings().drift().pinCurrent());
        waitFor(30, () -> ProfileAnalysisState.of(savedOnDisk()).suppressions().items().size() == 1
                && ProfileAnalysisState.of(savedOnDisk()).pin().isPresent());
        waitFor(10, () -> findings.statusProperty().get().contains("Saved in the connection \u201cacme\u201d"));

        robot.interact(() -> context.connection().disconnect());
        connectAndWaitForFindings(robot);
        waitFor(30, () -> findings.visibleItems().stream().anyMatch(i -> i.finding().fingerprint().equals(fingerprint)));
        assertThat(findings.visibleItems()).filteredOn(i -> i.finding().fingerprint().equals(fingerprint))
                .singleElement().satisfies(i -> assertThat(i.suppressionReason()).isEqualTo("Known; tracked in ACME-12"));
        waitFor(30, () -> context.findings().drift().pinnedProperty().get() && !context.findings().drift().busyProperty().get());
        assertThat(context.findings().drift().changes()).isEmpty();
        assertThat(((dev.mcpworkbench.inspector.connect.ServerTarget.Stdio) savedOnDisk().target()).command())
                .isEqualTo(flawedLab().command());
    }
}
