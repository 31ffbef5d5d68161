package dev.mcpworkbench.app.ui.findings;

import dev.mcpworkbench.app.ui.AppContext;
import dev.mcpworkbench.app.ui.common.ThemeSettings;
import dev.mcpworkbench.app.ui.lab.DemoServer;
import java.util.Objects;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The real window connected to the flawed lab server with the Findings tab open, for the README
 * screenshot (run under Xvfb and capture with {@code import -window root}). Arg: "welcome" to stay
 * on the first screen, "drift" for the drift tab, "typed" for the flawed server reached by a typed URL,
 * "save-as" for that server with its "Save as connection" dialog open.
 */
public final class AppScreenshotDemo extends Application {

    @Override
    public void start(Stage stage) {
        ThemeSettings theme = new ThemeSettings(Preferences.userRoot().node("mcp-workbench-screenshot"));
        theme.apply();
        AppContext context = AppContext.create(theme,
                new dev.mcpworkbench.app.ui.connect.CoreConnector(new dev.mcpworkbench.app.ui.requests.UserPrompts(() -> stage, java.time.Duration.ofSeconds(30))),
                new dev.mcpworkbench.app.ui.connect.ProfileStore(tempProfiles()));
        Scene scene = new Scene(context.window(), 1440, 900);
        scene.getStylesheets().add(Objects.requireNonNull(
                AppContext.class.getResource("/dev/mcpworkbench/app/ui/workbench.css")).toExternalForm());
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.setTitle("MCP Workbench");
        stage.show();
        String mode = getParameters().getRaw().isEmpty() ? "findings" : getParameters().getRaw().get(0);
        if (mode.equals("welcome")) return;
        if (mode.equals("typed") || mode.equals("save-as")) {
            // a server reached by a typed URL: the status bars offer "Save as connection…"
            context.typedUrls().connect(dev.mcpworkbench.lab.Lab.start(dev.mcpworkbench.lab.LabSpec.flawed()).mcpUrl());
        } else {
            context.lab().model().startAndConnect(DemoServer.FLAWED);
        }
        context.findings().findings().visibleItems().addListener((javafx.beans.Observable o) -> {
            var items = context.findings().findings().visibleItems();
            if (items.isEmpty() || context.findings().findings().selectedProperty().get() != null) return;
            Platform.runLater(() -> {
                context.window().workspace().select(mode.equals("drift") ? "Drift" : "Findings");
                context.findings().findings().groupingProperty().set(Grouping.RULE);
                items.stream().filter(i -> i.finding().ruleId().startsWith("POISON-00" + 4)).findFirst()
                        .or(() -> items.stream().findFirst())
                        .ifPresent(i -> context.findings().findings().selectedProperty().set(i));
                if (mode.equals("save-as")) {
                    Platform.runLater(() -> ((javafx.scene.control.Hyperlink) scene.lookup("#saveFindingsAsConnection")).fire());
                }
            });
        });
    }

    public static final class Main {
        public static void main(String[] args) {
            Application.launch(AppScreenshotDemo.class, args);
        }
    }

    private static java.nio.file.Path tempProfiles() {
        try {
            return java.nio.file.Files.createTempDirectory("workbench-analysis").resolve("profiles.json");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
