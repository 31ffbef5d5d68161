package dev.mcpworkbench.app.ui.findings;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.mcpworkbench.app.ui.AppContext;
import dev.mcpworkbench.app.ui.common.ThemeSettings;
import dev.mcpworkbench.app.ui.connect.ConnectionState;
import dev.mcpworkbench.app.ui.connect.CoreConnector;
import dev.mcpworkbench.app.ui.connect.ProfileFields;
import dev.mcpworkbench.app.ui.connect.ProfileStore;
import dev.mcpworkbench.app.ui.requests.UserPrompts;
import dev.mcpworkbench.inspector.profile.ConnectionProfile;
import dev.mcpworkbench.inspector.profile.ProfileAnalysisState;
import dev.mcpworkbench.inspector.rules.suppress.Suppression;
import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.RunningLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
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

/**
 * A suppression and a pin made in one window are saved in the connection profile: a new window
 * reading the same profile folder, connecting through that profile, shows the finding suppressed
 * and the server unchanged since the pin; a re-pin after the server changed is saved too.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class SavedSuppressionsAndPinTest {

    private static final String PROFILE = "flawed lab";
    private static final String REASON = "internal demo server, reviewed";

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private Path profileDir;
    private Stage stage;
    private AppContext first;

    @Start
    void start(Stage primary) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        profileDir = Files.createTempDirectory("workbench-saved-analysis");
        stage = primary;
        first = window(primary);
    }

    /** A whole app window over the shared profile folder, as the app builds it. */
    private AppContext window(Stage on) {
        AppContext context = AppContext.create(new ThemeSettings(Preferences.userRoot().node("mcp-workbench-test-persist")),
                new CoreConnector(new UserPrompts(() -> on, Duration.ofSeconds(30))), new ProfileStore(profileDir));
        on.setScene(new Scene(context.window(), 1280, 800));
        on.show();
        toClose.add(() -> Platform.runLater(context::close));
        return context;
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : toClose.reversed()) c.close();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private RunningLab lab(LabSpec spec) {
        RunningLab lab = Lab.start(spec);
        toClose.add(lab::close);
        return lab;
    }

    private static ProfileFields httpProfile(RunningLab lab) {
        return new ProfileFields(PROFILE, ProfileFields.Kind.HTTP, "", List.of(), Map.of(), "",
                lab.mcpUrl().toString(), Map.of(), List.of());
    }

    private static void waitFor(long seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    private Optional<ConnectionProfile> saved() throws Exception {
        return new dev.mcpworkbench.inspector.profile.ProfileStore(profileDir).find(PROFILE);
    }

    private ProfileAnalysisState savedState() throws Exception {
        return saved().map(ProfileAnalysisState::of).orElseThrow();
    }

    /** Connects the selected profile and waits until its scan and drift check are on screen. */
    private void connect(FxRobot robot, AppContext context) throws Exception {
        FindingsViewModel findings = context.findings().findings();
        Object before = findings.snapshotProperty().get();
        robot.interact(() -> context.connection().connect());
        waitFor(60, () -> context.connection().stateProperty().get() != ConnectionState.CONNECTING);
        assertThat(context.connection().errorProperty().get()).as("connection error").isEmpty();
        assertThat(context.connection().stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
        waitFor(60, () -> findings.snapshotProperty().get() != before
                && findings.snapshotProperty().get() == context.window().workspace().snapshotProperty().get());
        assertThat(findings.storageNoteProperty().get()).contains(PROFILE);
        waitFor(30, () -> !context.findings().drift().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aSuppressionAndAPinAreSavedWithTheProfileAndComeBackInANewWindow(FxRobot robot) throws Exception {
        RunningLab flawed = lab(LabSpec.flawed());
        robot.interact(() -> first.connection().saveProfile(null, httpProfile(flawed)));
        waitFor(20, () -> saved().isPresent());
        connect(robot, first);

        FindingsViewModel findings = first.findings().findings();
        FindingItem chosen = findings.allItems().stream()
                .filter(i -> !i.suppressed() && i.finding().ruleId().startsWith("POISON-")).findFirst().orElseThrow();
        String fingerprint = chosen.finding().fingerprint();
        robot.interact(() -> first.window().workspace().select("Findings"));
        robot.interact(() -> findings.selectedProperty().set(chosen));
        assertThat(robot.lookup("#suppressionStorage").queryAs(Label.class).getText())
                .contains("Saved in the connection").contains(PROFILE);
        robot.clickOn("#suppressButton");
        robot.clickOn("#suppressReason").write(REASON);
        assertThat(robot.lookup("#suppressStorage").queryAs(Label.class).getText()).contains(PROFILE);
        robot.clickOn("Suppress");
        waitFor(20, () -> savedState().suppressions().items().stream().anyMatch(s -> s.fingerprint().equals(fingerprint)));
        assertThat(savedState().suppressions().items()).extracting(Suppression::reason).containsExactly(REASON);

        robot.interact(() -> first.window().workspace().select("Drift"));
        assertThat(robot.lookup("#pinStorage").queryAs(Label.class).getText()).contains(PROFILE);
        robot.clickOn("#pinButton");
        waitFor(20, () -> savedState().pin().isPresent());
        assertThat(saved().orElseThrow().target().toString()).contains(flawed.mcpUrl().toString());
        robot.interact(() -> first.connection().disconnect());

        AppContext second = secondWindow(robot);
        waitFor(20, () -> second.connection().selectedProperty().get() != null);
        connect(robot, second);
        FindingItem again = second.findings().findings().allItems().stream()
                .filter(i -> i.finding().fingerprint().equals(fingerprint)).findFirst().orElseThrow();
        assertThat(again.suppressed()).isTrue();
        assertThat(again.suppressionReason()).isEqualTo(REASON);
        assertThat(second.findings().drift().pinnedProperty().get()).isTrue();
        assertThat(second.findings().drift().changes()).isEmpty();
        assertThat(second.findings().drift().statusProperty().get()).isEqualTo("No changes since the pin.");
        assertThat(second.findings().findings().allItems()).noneMatch(i -> i.finding().ruleId().equals("DRIFT-001"));
        com.fasterxml.jackson.databind.JsonNode report = export(robot, second, "after-reconnect.json");
        assertThat(report.path("suppressed").toString()).contains(fingerprint).contains(REASON);
        assertThat(report.path("findings").toString()).doesNotContain(fingerprint);

        // The server behind the profile changes: drift and DRIFT-001 show it; a re-pin is saved and accepted.
        RunningLab secure = lab(LabSpec.secure());
        robot.interact(() -> second.connection().disconnect());
        ProfileFields before = second.connection().selectedProperty().get();
        robot.interact(() -> second.connection().saveProfile(before, httpProfile(secure)));
        waitFor(20, () -> saved().orElseThrow().target().toString().contains(secure.mcpUrl().toString()));
        assertThat(savedState().suppressions().items()).as("editing the connection keeps its suppressions").hasSize(1);
        connect(robot, second);
        assertThat(second.findings().drift().changes()).isNotEmpty();
        assertThat(second.findings().findings().allItems()).anyMatch(i -> i.finding().ruleId().equals("DRIFT-001"));
        assertThat(export(robot, second, "after-change.json").path("findings").toString()).contains("DRIFT-001");
        String oldPin = savedState().pin().orElseThrow().pinnedAt();

        robot.interact(() -> second.findings().drift().pinCurrent());
        waitFor(20, () -> !savedState().pin().orElseThrow().pinnedAt().equals(oldPin));
        waitFor(20, () -> second.findings().drift().changes().isEmpty());
        waitFor(30, () -> second.findings().findings().allItems().stream().noneMatch(i -> i.finding().ruleId().equals("DRIFT-001")));

        robot.interact(() -> second.connection().disconnect());
        connect(robot, second);
        assertThat(second.findings().drift().pinnedProperty().get()).isTrue();
        assertThat(second.findings().drift().changes()).isEmpty();
    }

    @Test
    void aServerStartedFromTheLabSaysItsSuppressionsAreNotSaved(FxRobot robot) throws Exception {
        robot.clickOn("#start-flawed");
        waitFor(60, () -> !first.findings().findings().allItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(first.findings().findings().storageNoteProperty().get()).startsWith("Not saved");
        assertThat(first.findings().drift().storageNoteProperty().get()).startsWith("Not saved");

        FindingItem chosen = first.findings().findings().allItems().get(0);
        robot.interact(() -> first.findings().findings().suppress(chosen, "lab only"));
        waitFor(10, () -> first.findings().findings().statusProperty().get().startsWith("Suppressed"));
        assertThat(new dev.mcpworkbench.inspector.profile.ProfileStore(profileDir).load().profiles()).isEmpty();
    }

    /** Exports the findings screen as JSON, as the Export button does, and reads the report. */
    private com.fasterxml.jackson.databind.JsonNode export(FxRobot robot, AppContext context, String name) throws Exception {
        Path file = profileDir.resolve(name);
        FindingsViewModel findings = context.findings().findings();
        robot.interact(() -> findings.export(ExportFormat.JSON, file));
        waitFor(30, () -> !findings.exportingProperty().get() && Files.exists(file));
        return dev.mcpworkbench.inspector.snapshot.SnapshotJson.MAPPER.readTree(file.toFile());
    }

    private AppContext secondWindow(FxRobot robot) {
        AppContext[] made = new AppContext[1];
        robot.interact(() -> {
            Stage other = new Stage();
            other.setX(stage.getX() + 40);
            made[0] = window(other);
            toClose.add(() -> Platform.runLater(other::close));
        });
        return made[0];
    }
}
