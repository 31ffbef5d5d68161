package dev.mcpworkbench.app.ui.findings;

import dev.mcpworkbench.inspector.rules.catalog.StaticRules;
import atlantafx.base.theme.PrimerLight;
import dev.mcpworkbench.inspector.rules.ScanContext;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Opens the findings screen on a corpus snapshot for the README screenshot (run under Xvfb, then
 * capture with {@code import -window root}). Args: corpus file, optional search text.
 */
public final class FindingsScreenshotDemo extends Application {

    @Override
    public void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        String file = getParameters().getRaw().isEmpty() ? "inspector/src/test/resources/corpus/filesystem.json"
                : getParameters().getRaw().get(0);
        ServerSnapshot snapshot = SnapshotJson.read(Path.of(file));
        FindingsViewModel model = new FindingsViewModel(Runnable::run, Platform::runLater);
        model.show(snapshot, StaticRules.scan(snapshot, ScanContext.defaults()));
        FindingsView view = new FindingsView(model, url -> { });
        model.groupingProperty().set(Grouping.TOOL);
        stage.setScene(new Scene(view, 1440, 900));
        stage.setX(0);
        stage.setY(0);
        stage.setTitle("MCP Workbench");
        stage.show();
        model.visibleItems().stream().filter(i -> i.finding().location().jsonPointer().endsWith("/path"))
                .findFirst().ifPresent(i -> model.selectedProperty().set(i));
    }

    /** Entry point outside the Application subclass, or the JavaFX launcher check refuses to start. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(FindingsScreenshotDemo.class, args);
        }
    }
}
