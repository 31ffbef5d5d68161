package dev.mcpworkbench.app.ui.clientconfig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.app.ui.AppContext;
import dev.mcpworkbench.app.ui.common.FxTasks;
import dev.mcpworkbench.app.ui.common.Screenshots;
import dev.mcpworkbench.app.ui.common.TestWindows;
import dev.mcpworkbench.app.ui.connect.ConnectionState;
import dev.mcpworkbench.app.ui.connect.ProfileFields;
import dev.mcpworkbench.inspector.profile.ProfileStore;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.config.ClientConfigEntry;
import dev.mcpworkbench.inspector.rules.config.ClientConfigImporter;
import dev.mcpworkbench.inspector.rules.config.McpClient;
import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.RunningLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
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
 * File > Import connections… and Export connection… on real files in a temp home folder: a
 * Cursor configuration whose entries carry literal secrets is previewed with its CONFIG-001
 * findings before anything is saved, imported into profiles.json, and the imported HTTP entry
 * connects to a real lab server; the connection then goes back out into an existing VS Code
 * mcp.json, keeping that file's other server, and reads back as the same server.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class ClientConfigImportExportTest {

    /** A GitHub token as the secret scanner knows them; not a real one. */
    private static final String TOKEN = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";

    private AppContext context;
    private Path profiles;
    private Path home;
    private RunningLab lab;

    @Start
    void start(Stage stage) throws Exception {
        profiles = Files.createTempDirectory("workbench-import-profiles");
        home = Files.createTempDirectory("workbench-import-home");
        context = TestWindows.show(stage, 1280, 800, profiles);
    }

    @AfterEach
    void stop() {
        Platform.runLater(context::close);
        if (lab != null) lab.close();
    }

    private Function<McpClient, List<Path>> inHome() {
        return client -> client.locations(McpClient.Os.LINUX, home, Map.of());
    }

    @Test
    void aCursorConfigIsPreviewedWithItsSecretsImportedAndConnectsThenExportsToVsCode(FxRobot robot) throws Exception {
        lab = Lab.start(LabSpec.flawed());
        Path cursor = home.resolve(".cursor/mcp.json");
        Files.createDirectories(cursor.getParent());
        Files.writeString(cursor, """
                {
                  "mcpServers": {
                    "acme-notes": {"url": "%s", "headers": {"Authorization": "Bearer %s"}},
                    "local-files": {"command": "npx", "args": ["-y", "@acme/files-server"], "env": {"GITHUB_TOKEN": "%s"}},
                    "half-written": {"env": {}}
                  }
                }
                """.formatted(lab.mcpUrl(), TOKEN, TOKEN));

        ImportConnectionsModel model = new ImportConnectionsModel(FxTasks.shared(), List.of(), inHome());
        robot.interact(() -> context.clientConfigs().showImport(model));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.rows().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.fileProperty().get()).as("the Cursor file was found where Cursor keeps it").isEqualTo(cursor);

        // the preview lists the entries and, before anything is saved, the secrets written in them
        TableView<?> entries = robot.lookup("#importEntries").queryAs(TableView.class);
        assertThat(entries.getItems()).hasSize(3);
        ListView<?> findings = robot.lookup("#importFindings").queryAs(ListView.class);
        assertThat(findings.getItems()).map(Object::toString).filteredOn(l -> l.startsWith("CONFIG-001"))
                .anyMatch(l -> l.contains("acme-notes") && l.contains("header Authorization"))
                .anyMatch(l -> l.contains("local-files") && l.contains("GITHUB_TOKEN"))
                .noneMatch(l -> l.contains(TOKEN));
        assertThat(model.rows().get(2).importable()).as("an entry with neither command nor URL").isFalse();
        // the dialog as it opens on a desktop, every column and finding readable (headless, it opened at its minimum width)
        javafx.stage.Window dialog = robot.lookup("#importEntries").query().getScene().getWindow();
        robot.interact(() -> {
            dialog.setWidth(1060);
            dialog.setHeight(700);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.maybeSave(dialog.getScene(), "import-connections"));
        assertThat(Files.exists(profiles.resolve(ProfileStore.FILE_NAME))).as("nothing saved before Import").isFalse();

        robot.clickOn("#importConnectionsButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> new ProfileStore(profiles).find("local-files").isPresent());
        var saved = new ProfileStore(profiles).load().profiles();
        assertThat(saved).extracting(p -> p.name()).containsExactly("acme-notes", "local-files");
        assertThat(saved.get(0).target().toString()).contains(lab.mcpUrl().toString());

        // the imported HTTP entry connects to the lab server it names
        ProfileFields acme = context.connection().profiles().stream().filter(p -> p.name().equals("acme-notes")).findFirst().orElseThrow();
        assertThat(acme.kind()).isEqualTo(ProfileFields.Kind.HTTP);
        assertThat(acme.headers()).containsEntry("Authorization", "Bearer " + TOKEN);
        robot.interact(() -> context.connection().connect(acme));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> context.connection().stateProperty().get() == ConnectionState.CONNECTED
                && context.window().workspace().snapshotProperty().get() != null);
        assertThat(context.window().workspace().snapshotProperty().get().tools()).isNotEmpty();

        // export: into an existing VS Code mcp.json, which keeps its other server
        Path vscode = home.resolve(".config/Code/User/mcp.json");
        Files.createDirectories(vscode.getParent());
        Files.writeString(vscode, "{\"servers\": {\"other\": {\"type\": \"stdio\", \"command\": \"uvx\", \"args\": [\"other-server\"]}}}");
        robot.interact(() -> context.connection().selectedProperty().set(acme));
        ExportConnectionModel export = new ExportConnectionModel(acme, FxTasks.shared(), inHome());
        robot.interact(() -> {
            context.clientConfigs().showExport(export);
            export.clientProperty().set(McpClient.VS_CODE);
        });
        WaitForAsyncUtils.waitForFxEvents();
        String preview = robot.lookup("#exportPreview").queryAs(TextArea.class).getText();
        assertThat(preview).contains("\"servers\"", "\"type\" : \"http\"", lab.mcpUrl().toString());
        assertThat(export.findings()).extracting(Finding::ruleId).contains("CONFIG-001");
        assertThat(export.fileProperty().get()).isEqualTo(vscode);
        robot.interact(() -> Screenshots.maybeSave(robot.lookup("#exportPreview").query().getScene(), "export-connection"));

        robot.clickOn("#exportWrite");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> export.statusProperty().get().startsWith("Added"));
        List<ClientConfigEntry> back = ClientConfigImporter.importEntries(vscode);
        assertThat(back).extracting(e -> e.target().name()).containsExactly("other", "acme-notes");
        assertThat(back.get(1).target().url()).isEqualTo(lab.mcpUrl().toString());
        assertThat(back.get(1).target().headers()).containsEntry("Authorization", "Bearer " + TOKEN);
        assertThat(back.get(1).isSse()).isFalse();

        // a file with comments is not rewritten (its comments would be lost)
        String commented = "// mine\n{\"servers\": {}}\n";
        Files.writeString(vscode, commented);
        robot.interact(export::write);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> export.statusProperty().get().startsWith("Cannot write"));
        assertThat(export.statusProperty().get()).contains("comments");
        assertThat(Files.readString(vscode)).isEqualTo(commented);
    }
}
