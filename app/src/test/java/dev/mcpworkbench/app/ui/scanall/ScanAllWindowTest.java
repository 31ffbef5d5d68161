package dev.mcpworkbench.app.ui.scanall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpworkbench.app.scan.ServerStatus;
import dev.mcpworkbench.app.ui.AppContext;
import dev.mcpworkbench.app.ui.common.Screenshots;
import dev.mcpworkbench.app.ui.common.TestWindows;
import dev.mcpworkbench.app.ui.connect.ProfileFields;
import dev.mcpworkbench.app.ui.findings.ExportFormat;
import dev.mcpworkbench.inspector.rules.Severity;
import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.RunningLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.control.TableView;
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
 * Server › Scan all saved connections… in the app's real window, on real loopback servers: the
 * lab's flawed server saved twice and its secure twin, plus a saved stdio command that does not
 * exist. Start scans them one after the other; the table shows each one's state and counts, the
 * broken one failed with its error, the set's findings include the cross-server tool-name
 * collisions with their server, a selected finding shows its detail, and Export writes the set's
 * report. Cancel stops a run on a server that never answers.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ScanAllWindowTest {

    private AppContext context;
    private Path profiles;
    private RunningLab flawed;
    private RunningLab secure;
    private RunningLab guarded;

    @Start
    void start(Stage stage) throws Exception {
        profiles = Files.createTempDirectory("workbench-scan-all");
        context = TestWindows.show(stage, 1280, 800, profiles);
    }

    @AfterEach
    void stop() {
        Platform.runLater(context::close);
        if (flawed != null) flawed.close();
        if (secure != null) secure.close();
        if (guarded != null) guarded.close();
    }

    private static ProfileFields stdio(String name, String command, String... args) {
        return new ProfileFields(name, ProfileFields.Kind.STDIO, command, List.of(args), Map.of(), "", "", Map.of(), List.of());
    }

    private ScanAllModel openWindow(FxRobot robot, List<ProfileFields> saved, boolean fromSidebar) throws Exception {
        robot.interact(() -> context.connection().addProfiles(saved));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> context.connection().profiles().size() == saved.size());
        var items = context.window().serverMenu().getItems();
        MenuItem menuItem = items.stream().filter(i -> "scanAllConnections".equals(i.getId())).findFirst().orElseThrow();
        assertThat(menuItem.getAccelerator()).as("keyboard shortcut").isEqualTo(KeyCombination.keyCombination("Shortcut+Shift+A"));
        assertThat(menuItem.getText()).as("mnemonic").contains("_");
        assertThat(items.get(items.indexOf(menuItem) - 1).getId()).as("beside the other saved-connection items").isEqualTo("editConnection");
        if (fromSidebar) robot.clickOn("#scanAllButton");
        else robot.interact(menuItem::fire);
        WaitForAsyncUtils.waitForFxEvents();
        ScanAllModel model = context.scanAll().model();
        assertThat(model.rows()).extracting(ServerRow::name).containsExactlyElementsOf(saved.stream().map(ProfileFields::name).toList());
        assertThat(model.rows()).as("every saved connection is ticked at first").allMatch(r -> r.tickedProperty().get());
        return model;
    }

    @Test
    void scansTheSavedConnectionsTogetherAndShowsEachOneAndTheSetsFindings(FxRobot robot) throws Exception {
        flawed = Lab.start(LabSpec.flawed());
        secure = Lab.start(LabSpec.secure());
        guarded = Lab.start(LabSpec.secure().withAuth());
        ScanAllModel model = openWindow(robot, List.of(
                ProfileFields.http("acme-notes", flawed.mcpUrl()),
                ProfileFields.http("acme-notes-copy", flawed.mcpUrl()),
                ProfileFields.http("secure-notes", secure.mcpUrl()),
                ProfileFields.http("team-notes", guarded.mcpUrl()),
                stdio("local-files", "mcp-workbench-no-such-server", "--stdio")), false);

        robot.clickOn("#scanAllStart");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !model.runningProperty().get() && model.resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        List<ServerRow> rows = model.rows();
        assertThat(rows).extracting(ServerRow::status).containsExactly(ServerStatus.SCANNED, ServerStatus.SCANNED,
                ServerStatus.SCANNED, ServerStatus.NEEDS_AUTHORIZATION, ServerStatus.FAILED);
        // the OAuth-protected server is not authorized behind the user's back: no browser, no authorization window
        assertThat(rows.get(3).statusText()).isEqualTo("Needs authorization");
        assertThat(rows.get(3).error()).startsWith("Connect it alone first");
        assertThat(javafx.stage.Window.getWindows()).as("the main window and Scan all, nothing else").hasSize(2);
        ServerRow notes = rows.get(0);
        assertThat(notes.tools()).isPositive();
        assertThat(notes.count(Severity.HIGH) + notes.count(Severity.CRITICAL)).as("the flawed server's serious findings").isPositive();
        assertThat(notes.statusText()).startsWith("Scanned").endsWith(notes.outcomeProperty().get().result().findings().size() + " findings");
        assertThat(rows.get(4).statusText()).isEqualTo("Failed");
        assertThat(rows.get(4).error()).contains("mcp-workbench-no-such-server");
        assertThat(rows.get(4).count(Severity.HIGH)).as("no counts for a server not reached").isEqualTo(-1);
        assertThat(model.progressProperty().get()).isEqualTo(1.0);

        // the set's findings: every reached server's, each with its server, the cross-server collisions among them
        TableView<?> table = robot.lookup("#scanAllFindings").queryAs(TableView.class);
        long expected = rows.stream().filter(r -> r.outcomeProperty().get().reached())
                .mapToLong(r -> r.outcomeProperty().get().result().findings().size()).sum();
        assertThat(table.getItems()).hasSize((int) expected);
        List<SetFinding> collisions = model.findings().stream().filter(f -> f.item().finding().ruleId().equals("DOCS-002")
                && f.item().finding().message().contains("has the same name as")).toList();
        assertThat(collisions).extracting(SetFinding::server).contains("acme-notes", "acme-notes-copy");
        assertThat(model.findings()).extracting(SetFinding::server).contains("secure-notes").doesNotContain("local-files");
        assertThat(model.findings().get(0).item().finding().severity()).as("worst first").isEqualTo(
                model.findings().stream().map(f -> f.item().finding().severity()).min(Enum::compareTo).orElseThrow());

        // one server's findings, then back to all
        robot.interact(() -> model.serverFilterProperty().set("secure-notes"));
        assertThat(table.getItems()).hasSize(rows.get(2).outcomeProperty().get().result().findings().size())
                .allMatch(f -> ((SetFinding) f).server().equals("secure-notes"));
        robot.interact(() -> model.serverFilterProperty().set(""));
        assertThat(table.getItems()).hasSize((int) expected);

        // selecting a collision shows it in the detail pane, located in its own server's tool
        // (the secure twin's: its tools collide with the flawed server's, which only the set shows)
        SetFinding chosen = collisions.stream().filter(f -> f.server().equals("secure-notes")).findFirst().orElse(collisions.get(0));
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            TableView<SetFinding> findings = (TableView<SetFinding>) table;
            findings.getSelectionModel().select(chosen);
            findings.scrollTo(chosen);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.selectedProperty().get()).isEqualTo(chosen);
        assertThat(robot.lookup("#scanAllDetailServer").queryAs(Label.class).getText()).isEqualTo("Server: " + chosen.server());
        assertThat(robot.lookup(".detail-title").queryAs(Label.class).getText()).startsWith("DOCS-002");
        assertThat(chosen.item().finding().location().name()).as("the location the server itself knows").doesNotContain("/");
        assertThat(robot.lookup("#suppressButton").tryQuery()).isPresent().get().matches(n -> !n.isVisible());
        robot.interact(() -> Screenshots.maybeSave(table.getScene(), "scan-all"));

        // Export writes the set's report with the same writers as the CLI
        Path report = profiles.resolve("set.json");
        robot.interact(() -> model.export(ExportFormat.JSON, report));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(report) && !model.exportingProperty().get());
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.path("findings").size()).isEqualTo((int) expected);
        assertThat(json.path("errors").toString()).contains("could not connect to 'local-files'");
        assertThat(json.path("findings").toString()).contains("acme-notes-copy/");

        // opened again, the window keeps the run's results for the same connections
        robot.interact(() -> context.scanAll().show());
        assertThat(model.findings()).hasSize((int) expected);

        // a row's menu (or a double click) connects one server alone in the main window, where authorization can happen;
        // the menu item is fired rather than the mouse double-clicked: on a loaded machine two robot clicks may not make a double click
        javafx.scene.control.TableRow<?> first = robot.lookup("#scanAllServers .table-row-cell").nth(0).queryAs(javafx.scene.control.TableRow.class);
        assertThat(first.getItem()).isSameAs(rows.get(0));
        robot.interact(() -> first.getContextMenu().getItems().get(0).fire());
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> context.connection().stateProperty().get()
                    == dev.mcpworkbench.app.ui.connect.ConnectionState.CONNECTED);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not connected: " + context.connection().stateProperty().get() + " "
                    + context.connection().errorProperty().get(), e);
        }
        assertThat(context.connection().activeProperty().get().name()).isEqualTo("acme-notes");
    }

    @Test
    void cancelStopsTheRunOnAServerThatNeverAnswers(FxRobot robot) throws Exception {
        flawed = Lab.start(LabSpec.flawed());
        ScanAllModel model = openWindow(robot, List.of(
                stdio("silent", "sleep", "600"),
                ProfileFields.http("acme-notes", flawed.mcpUrl())), true);

        robot.clickOn("#scanAllStart");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.rows().get(0).status() == ServerStatus.CONNECTING);
        assertThat(model.runningProperty().get()).isTrue();
        assertThat(robot.lookup("#scanAllStart").query().isDisabled()).as("no second run while one goes").isTrue();
        robot.clickOn("#scanAllCancel");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.rows()).extracting(ServerRow::status).containsExactly(ServerStatus.CANCELLED, ServerStatus.CANCELLED);
        assertThat(model.resultProperty().get().cancelled()).isTrue();
        assertThat(model.statusProperty().get()).startsWith("Cancelled.");
        assertThat(robot.lookup("#scanAllStart").query().isDisabled()).as("a new run can start").isFalse();

        // the list follows the sidebar while the window is open
        robot.interact(() -> context.connection().addProfiles(List.of(stdio("later", "sleep", "1"))));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.rows().size() == 3);
        assertThat(model.rows().get(2).name()).isEqualTo("later");
    }

    @Test
    void onlyTheTickedConnectionsAreScanned(FxRobot robot) throws Exception {
        flawed = Lab.start(LabSpec.flawed());
        ScanAllModel model = openWindow(robot, List.of(
                ProfileFields.http("acme-notes", flawed.mcpUrl()),
                stdio("local-files", "mcp-workbench-no-such-server")), false);
        robot.interact(() -> model.rows().get(1).tickedProperty().set(false));
        assertThat(robot.lookup("#scanAllTickAll").queryAs(javafx.scene.control.CheckBox.class).isIndeterminate())
                .as("the header box shows a mixed choice").isTrue();
        robot.clickOn("#scanAllStart");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !model.runningProperty().get() && model.resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.rows().get(0).status()).isEqualTo(ServerStatus.SCANNED);
        assertThat(model.rows().get(1).status()).as("left out, not failed").isNull();
        assertThat(model.rows().get(1).statusText()).isEqualTo("Not included");
        assertThat(model.resultProperty().get().servers()).extracting(s -> s.name()).containsExactly("acme-notes");
    }
}
