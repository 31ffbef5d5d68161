package dev.mcpworkbench.app.ui;

import dev.mcpworkbench.app.ui.common.ThemeSettings;
import dev.mcpworkbench.app.ui.connect.CoreConnector;
import dev.mcpworkbench.app.secrets.SecretStorage;
import dev.mcpworkbench.app.ui.connect.ProfileStore;
import dev.mcpworkbench.app.ui.payload.PayloadView;
import dev.mcpworkbench.app.ui.requests.UserPrompts;
import java.time.Duration;
import java.lang.management.ManagementFactory;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: theme, main window, stage. Started by {@link DesktopLauncher}. */
public final class WorkbenchApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchApp.class);

    private AppContext context;

    @Override
    public void start(Stage stage) {
        ThemeSettings theme = new ThemeSettings(ThemeSettings.appPreferences());
        theme.apply();
        UserPrompts prompts = new UserPrompts(() -> stage, Duration.ofMinutes(10));
        SecretStorage secrets = SecretStorage.forUser(ThemeSettings.appPreferences());
        // finding the keychain is a D-Bus round trip (or a native call): never on the FX thread
        Thread.ofPlatform().daemon().name("keychain lookup").start(secrets::lookUp);
        context = AppContext.create(theme, new CoreConnector(prompts), new ProfileStore(ProfileStore.defaultDirectory(), secrets));
        Scene scene = new Scene(context.window(), 1360, 860);
        scene.getStylesheets().add(Objects.requireNonNull(
                WorkbenchApp.class.getResource("/dev/mcpworkbench/app/ui/workbench.css")).toExternalForm());
        context.window().installCallKeys();
        stage.setTitle("MCP Workbench");
        stage.getIcons().add(new Image(Objects.requireNonNull(
                WorkbenchApp.class.getResourceAsStream("/dev/mcpworkbench/app/ui/icon-256.png"))));
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setOnShown(e -> logStartup());
        stage.show();
        // the first payload view would otherwise pay a cold JVM's price for its table rows
        PayloadView.warmUpSoon(scene.getStylesheets());
        // and the first finding selected, for its detail pane and definition area
        dev.mcpworkbench.app.ui.findings.DetailWarmUp.startOnce(scene.getStylesheets());
        // the heap policy follows full collections from now on, not from the first big tool result:
        // a big resource or traffic alone can leave more alive than the launcher's soft limit
        dev.mcpworkbench.app.memory.HeapPolicy.shared();
        context.started(getParameters().getRaw());
        SelfTest.requested(getParameters().getRaw()).ifPresent(timeout ->
                new SelfTest(context, System.out, System::exit)
                        .withCycles(MemoryCycles.requested(getParameters().getRaw()).orElse(0)).run(timeout));
    }

    private static void logStartup() {
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        LOG.info("Window shown {} ms after JVM start", sinceJvmStart);
    }

    @Override
    public void stop() {
        if (context != null) context.close();
    }
}
