package dev.mcpworkbench.app.ui.common;

import atlantafx.base.theme.PrimerLight;
import dev.mcpworkbench.app.ui.AppContext;
import dev.mcpworkbench.app.ui.connect.CoreConnector;
import dev.mcpworkbench.app.ui.connect.ProfileStore;
import dev.mcpworkbench.app.ui.requests.UserPrompts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The app's real window for TestFX tests: the same context the app builds, with profiles in a fresh temp folder. */
public final class TestWindows {

    private TestWindows() {
    }

    public static AppContext show(Stage stage, int width, int height) throws IOException {
        return show(stage, width, height, Files.createTempDirectory("workbench-ui"));
    }

    /** @param profiles the folder of {@code profiles.json}, for tests that read it back */
    public static AppContext show(Stage stage, int width, int height, Path profiles) {
        useAppTheme();
        ThemeSettings theme = new ThemeSettings(Preferences.userRoot().node("dev/mcpworkbench/app-test"));
        AppContext context = AppContext.create(theme, new CoreConnector(new UserPrompts(() -> stage, Duration.ofSeconds(30))),
                new ProfileStore(profiles));
        stage.setScene(withAppStylesheet(new Scene(context.window(), width, height)));
        stage.show();
        return context;
    }

    /** The app's look on a scene: its theme (global, as in the app) and its own stylesheet. */
    public static Scene styled(Scene scene) {
        useAppTheme();
        return withAppStylesheet(scene);
    }

    /** The app's own stylesheet, as a URL a scene takes. */
    public static String appStylesheet() {
        return TestWindows.class.getResource("/dev/mcpworkbench/app/ui/workbench.css").toExternalForm();
    }

    private static void useAppTheme() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    private static Scene withAppStylesheet(Scene scene) {
        scene.getStylesheets().add(appStylesheet());
        return scene;
    }
}
