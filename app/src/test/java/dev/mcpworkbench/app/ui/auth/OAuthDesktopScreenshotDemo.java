package dev.mcpworkbench.app.ui.auth;

import dev.mcpworkbench.app.ui.AppContext;
import dev.mcpworkbench.app.ui.common.ThemeSettings;
import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.auth.Misbehaviour;
import dev.mcpworkbench.oauth.flow.HeadlessAgent;
import java.nio.file.Files;
import java.util.Objects;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The real window authorized against the lab (refresh tokens not rotated), for the docs'
 * screenshots: run under Xvfb and capture with {@code import -window root}. Arg "probes": the
 * Authorization tab with the Probes window after a refresh-rotation run; "cimd": the CIMD workshop
 * serving its document over https on loopback.
 */
public final class OAuthDesktopScreenshotDemo extends Application {

    @Override
    public void start(Stage stage) throws Exception {
        ThemeSettings theme = new ThemeSettings(Preferences.userRoot().node("mcp-workbench-screenshot"));
        theme.apply();
        AppContext context = AppContext.create(theme,
                new dev.mcpworkbench.app.ui.connect.CoreConnector(new dev.mcpworkbench.app.ui.requests.UserPrompts(() -> stage,
                        java.time.Duration.ofSeconds(30))),
                new dev.mcpworkbench.app.ui.connect.ProfileStore(Files.createTempDirectory("oauth-shot")));
        Scene scene = new Scene(context.window(), 1440, 900);
        scene.getStylesheets().add(Objects.requireNonNull(
                AppContext.class.getResource("/dev/mcpworkbench/app/ui/workbench.css")).toExternalForm());
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.setTitle("MCP Workbench");
        stage.show();
        String mode = getParameters().getRaw().isEmpty() ? "probes" : getParameters().getRaw().get(0);
        Window owner = stage;
        if (mode.equals("cimd")) {
            context.authorization().openCimdWorkshop(owner);
            context.authorization().cimdWorkshop().tokenAuthMethodProperty().set("client_secret_basic");
            context.authorization().cimdWorkshop().generate();
            for (Window w : Window.getWindows()) {
                if (w instanceof Stage s && s != stage) {
                    s.setX(40);
                    s.setY(40);
                }
            }
            return;
        }
        context.authorization().useAuthorizationAgent(new HeadlessAgent());
        context.typedUrls().connect(Lab.start(LabSpec.secure().withAuth().withAutoApprove()
                .withMisbehaviours(Misbehaviour.NO_REFRESH_ROTATION)).mcpUrl());
        Thread.ofVirtual().start(() -> {
            try {
                // until the connection is up (its tools listed), then a moment for the tab to settle
                for (int i = 0; i < 120 && context.window().workspace().tools().list().listView().getItems().isEmpty(); i++) {
                    Thread.sleep(250);
                }
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            Platform.runLater(() -> {
                context.authorization().showTab();
                context.authorization().openProbes(owner);
                ProbesViewModel probes = context.authorization().probes();
                probes.rows().stream().filter(r -> r.probe().name().equals("refresh-rotation")).forEach(r -> r.chosen().set(true));
                probes.start();
                for (Window w : Window.getWindows()) {
                    if (!(w instanceof Stage s) || s == stage) continue;
                    if ("Active probes".equals(s.getTitle())) {
                        s.setX(780);
                        s.setY(30);
                        s.setWidth(660);
                        s.setHeight(860);
                    } else if (s.getTitle() != null && s.getTitle().startsWith("Authorization")) {
                        s.hide(); // the window that followed the flow before the tab was on screen
                    }
                }
                probes.runningProperty().addListener((o, was, running) -> {
                    if (running) return;
                    context.authorization().steps().steps().stream()
                            .filter(i -> i.kind() == dev.mcpworkbench.oauth.flow.StepKind.ACTIVE_PROBE && i.step() != null)
                            .findFirst().ifPresent(i -> context.authorization().steps().choose(i));
                });
            });
        });
    }

    /** The entry point: the java launcher refuses a main class that extends Application without JavaFX modules. */
    public static final class Launch {
        public static void main(String[] args) {
            Application.launch(OAuthDesktopScreenshotDemo.class, args);
        }
    }
}
