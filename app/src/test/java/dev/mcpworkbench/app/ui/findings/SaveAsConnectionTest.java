package dev.mcpworkbench.app.ui.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.app.ui.AppContext;
import dev.mcpworkbench.app.ui.common.TestWindows;
import dev.mcpworkbench.app.ui.connect.ConnectionState;
import dev.mcpworkbench.app.ui.connect.ProfileFields;
import dev.mcpworkbench.inspector.profile.ConnectionProfile;
import dev.mcpworkbench.inspector.profile.ProfileAnalysisState;
import dev.mcpworkbench.inspector.rules.suppress.Suppression;
import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.RunningLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
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
 * A server reached by a typed URL keeps its suppressions and pin for the session only, and says
 * so; "Save as connection…" makes a saved connection to that URL which takes them over, and
 * connecting through it later brings them back. A lab server (whose port changes every run) is not
 * offered the link.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class SaveAsConnectionTest {

    private static final String NAME = "flawed over http";
    private static final String TAKEN = "already here";
    private static final String RENAMED = "flawed, renamed";

    private AppContext context;
    private Path profiles;
    private RunningLab lab;

    @Start
    void start(Stage stage) throws Exception {
        profiles = Files.createTempDirectory("workbench-save-as");
        context = TestWindows.show(stage, 1280, 800, profiles);
    }

    @AfterEach
    void close() {
        if (context != null) Platform.runLater(context::close);
        if (lab != null) lab.close();
    }

    private static void waitFor(long seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    private Optional<ConnectionProfile> saved(String name) throws Exception {
        return new dev.mcpworkbench.inspector.profile.ProfileStore(profiles).find(name);
    }

    private ProfileAnalysisState savedState() throws Exception {
        return saved(NAME).map(ProfileAnalysisState::of).orElseThrow();
    }

    private FindingItem unsuppressed(String except) {
        return context.findings().findings().allItems().stream()
                .filter(i -> !i.suppressed() && !i.finding().fingerprint().equals(except)).findFirst().orElseThrow();
    }

    @Test
    void aTypedUrlIsSavedAsAConnectionWithItsSuppressionsAndPin(FxRobot robot) throws Exception {
        lab = Lab.start(LabSpec.flawed());
        robot.interact(() -> context.connection().saveProfile(null, new ProfileFields(TAKEN, ProfileFields.Kind.HTTP, "",
                List.of(), Map.of(), "", "http://127.0.0.1:9/mcp", Map.of(), List.of())));
        waitFor(20, () -> saved(TAKEN).isPresent());
        FindingsViewModel findings = context.findings().findings();
        robot.interact(() -> context.typedUrls().connect(lab.mcpUrl()));
        waitFor(60, () -> !findings.allItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(findings.storageNoteProperty().get()).startsWith("Not saved");

        FindingItem first = unsuppressed("");
        robot.interact(() -> findings.suppress(first, "session decision"));
        waitFor(20, () -> findings.statusProperty().get().startsWith("Suppressed"));
        robot.interact(() -> context.findings().drift().pinCurrent());
        waitFor(20, () -> context.findings().drift().pinnedProperty().get());

        robot.interact(() -> context.window().workspace().select("Findings"));
        Node link = robot.lookup("#saveFindingsAsConnection").query();
        assertThat(link.isVisible()).isTrue();
        robot.clickOn(link);
        TextField name = robot.lookup("#profileName").queryAs(TextField.class);
        assertThat(name.getText()).as("prefilled with the server's name").isNotBlank();
        assertThat(robot.lookup("#profileUrl").queryAs(TextField.class).getText()).isEqualTo(lab.mcpUrl().toString());
        robot.interact(() -> name.setText(TAKEN));
        robot.clickOn("OK");
        assertThat(robot.lookup(".danger-text").queryAs(Label.class).getText()).contains("already a connection called");
        robot.interact(() -> name.setText(NAME));
        robot.clickOn("OK");

        waitFor(20, () -> saved(NAME).isPresent());
        assertThat(saved(NAME).orElseThrow().target().toString()).contains(lab.mcpUrl().toString());
        assertThat(savedState().suppressions().items()).extracting(Suppression::fingerprint)
                .containsExactly(first.finding().fingerprint());
        assertThat(savedState().pin()).isPresent();
        waitFor(20, () -> findings.storageNoteProperty().get().contains("Saved in the connection"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(findings.storageNoteProperty().get()).contains(NAME);
        assertThat(context.findings().drift().storageNoteProperty().get()).contains(NAME);
        assertThat(link.isVisible()).as("nothing left to save").isFalse();
        assertThat(context.connection().profiles()).extracting(ProfileFields::name).contains(NAME, TAKEN);
        assertThat(saved(TAKEN)).as("the other connection is untouched").isPresent();

        // later decisions go to the saved connection, even once it is renamed in the sidebar
        ProfileFields justSaved = context.connection().profiles().stream().filter(p -> p.name().equals(NAME))
                .findFirst().orElseThrow();
        robot.interact(() -> context.connection().saveProfile(justSaved, new ProfileFields(RENAMED, justSaved.kind(), "",
                List.of(), Map.of(), "", justSaved.url(), Map.of(), List.of())));
        waitFor(20, () -> saved(RENAMED).isPresent());
        FindingItem second = unsuppressed(first.finding().fingerprint());
        robot.interact(() -> findings.suppress(second, "saved decision"));
        waitFor(20, () -> saved(RENAMED).map(ProfileAnalysisState::of).orElseThrow().suppressions().items().size() == 2);
        assertThat(findings.storageNoteProperty().get()).contains(RENAMED);

        // and connecting through it brings them back
        robot.interact(() -> context.session().disconnect());
        ProfileFields savedFields = context.connection().profiles().stream().filter(p -> p.name().equals(RENAMED))
                .findFirst().orElseThrow();
        Object before = findings.snapshotProperty().get();
        robot.interact(() -> {
            context.connection().selectedProperty().set(savedFields);
            context.connection().connect();
        });
        waitFor(60, () -> context.connection().stateProperty().get() == ConnectionState.CONNECTED);
        waitFor(60, () -> findings.snapshotProperty().get() != before && !findings.allItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(findings.allItems().stream().filter(FindingItem::suppressed).map(i -> i.finding().fingerprint()))
                .containsExactlyInAnyOrder(first.finding().fingerprint(), second.finding().fingerprint());
        assertThat(context.findings().drift().pinnedProperty().get()).isTrue();
    }

    @Test
    void aLabServerIsNotOfferedTheLink(FxRobot robot) throws Exception {
        robot.clickOn("#start-flawed");
        waitFor(60, () -> !context.findings().findings().allItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(context.findings().findings().storageNoteProperty().get()).startsWith("Not saved");
        assertThat(robot.lookup("#saveFindingsAsConnection").query().isVisible()).isFalse();
        assertThat(robot.lookup("#savePinAsConnection").query().isVisible()).isFalse();
    }
}
