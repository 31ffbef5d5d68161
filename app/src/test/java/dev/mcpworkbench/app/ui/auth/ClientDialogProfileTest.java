package dev.mcpworkbench.app.ui.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.app.ui.AppContext;
import dev.mcpworkbench.app.ui.common.TestWindows;
import dev.mcpworkbench.app.ui.session.SessionSource;
import dev.mcpworkbench.inspector.connect.ServerTarget;
import dev.mcpworkbench.inspector.profile.ConnectionProfile;
import dev.mcpworkbench.inspector.profile.ProfileStore;
import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.RunningLab;
import dev.mcpworkbench.oauth.flow.HeadlessAgent;
import dev.mcpworkbench.oauth.flow.StepKind;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
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
 * The Client… dialog's settings are saved with the selected connection and come back in a new
 * window on the same profiles file; a connection opened from that profile authorizes with them
 * (the lab's authorization server sees the chosen callback host, port and path, and the chosen
 * protocol version is what the server answers with).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClientDialogProfileTest {

    private final Path profiles = tempDir();
    private AppContext context;
    private AppContext reopened;

    @Start
    void start(Stage stage) throws Exception {
        context = TestWindows.show(stage, 1200, 800, profiles);
    }

    @AfterEach
    void close() {
        Platform.runLater(() -> {
            if (context != null) context.close();
            if (reopened != null) reopened.close();
        });
    }

    @Test
    void settingsAreSavedWithTheConnectionAndRestored(FxRobot robot) throws Exception {
        new ProfileStore(profiles).update(all -> List.of(ConnectionProfile.of("Remote",
                new ServerTarget.StreamableHttp(URI.create("http://127.0.0.1:9/mcp"), Map.of()))));
        robot.interact(() -> context.session().connection().loadProfiles(m -> { }));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> context.session().connection().selectedProperty().get() != null);

        openDialog(robot, context);
        robot.interact(() -> {
            combo(robot, "#clientRegistration").getSelectionModel().select(ClientSettings.Registration.PRE_REGISTERED);
            robot.lookup("#clientId").queryAs(TextField.class).setText("desk-client");
            robot.lookup("#clientSecret").queryAs(PasswordField.class).setText("s3cret-value");
            robot.lookup("#clientScope").queryAs(TextField.class).setText("notes:read openid");
            combo(robot, "#tokenAuthMethod").setValue("client_secret_post");
            combo(robot, "#callbackHost").setValue("localhost");
            robot.lookup("#callbackPort").queryAs(Spinner.class).getValueFactory().setValue(8765);
            robot.lookup("#callbackPath").queryAs(TextField.class).setText("/oauth/callback");
            combo(robot, "#protocolVersion").setValue("2025-06-18");
        });
        pressOk(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.readString(profiles.resolve("profiles.json")).contains("/oauth/callback"));

        JsonNode saved = new ProfileStore(profiles).find("Remote").orElseThrow().extensions().get("oauth");
        assertThat(saved.path("clientId").asText()).isEqualTo("desk-client");
        assertThat(saved.path("clientSecret").asText()).isEqualTo("s3cret-value");
        assertThat(saved.path("tokenAuthMethod").asText()).isEqualTo("client_secret_post");
        assertThat(saved.path("callbackHost").asText()).isEqualTo("localhost");
        assertThat(saved.path("callbackPort").asInt()).isEqualTo(8765);
        assertThat(saved.path("protocolVersion").asText()).isEqualTo("2025-06-18");

        // a new window on the same file: selecting the connection brings the settings back into the dialog
        robot.interact(() -> {
            try {
                reopened = TestWindows.show(new Stage(), 1000, 700, profiles);
            } catch (RuntimeException e) {
                throw e;
            }
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "desk-client".equals(reopened.authorization().client().clientIdProperty().get()));
        openDialog(robot, reopened);
        assertThat(combo(robot, "#clientRegistration").getValue()).isEqualTo(ClientSettings.Registration.PRE_REGISTERED);
        assertThat(robot.lookup("#clientSecret").queryAs(PasswordField.class).getText()).isEqualTo("s3cret-value");
        assertThat(robot.lookup("#clientScope").queryAs(TextField.class).getText()).isEqualTo("notes:read openid");
        assertThat(combo(robot, "#tokenAuthMethod").getValue()).isEqualTo("client_secret_post");
        assertThat(combo(robot, "#callbackHost").getValue()).isEqualTo("localhost");
        assertThat(robot.lookup("#callbackPort").queryAs(Spinner.class).getValue()).isEqualTo(8765);
        assertThat(robot.lookup("#callbackPath").queryAs(TextField.class).getText()).isEqualTo("/oauth/callback");
        assertThat(combo(robot, "#protocolVersion").getValue()).isEqualTo("2025-06-18");
        robot.interact(() -> ((Button) dialogPane(robot).lookupButton(ButtonType.CANCEL)).fire());
    }

    @Test
    void aSavedConnectionAuthorizesWithItsSettings(FxRobot robot) throws Exception {
        try (RunningLab lab = Lab.start(LabSpec.secure().withAuth().withAutoApprove())) {
            int port = freePort();
            ConnectionProfile profile = dev.mcpworkbench.app.auth.ClientIdentityProfiles.write(
                    ConnectionProfile.of("Lab", new ServerTarget.StreamableHttp(lab.mcpUrl(), Map.of())),
                    new dev.mcpworkbench.app.auth.ClientIdentity(null, null, null, true, null, "localhost", port, "/oauth/cb",
                            "none", "2025-06-18"));
            new ProfileStore(profiles).update(all -> List.of(profile));
            robot.interact(() -> {
                context.authorization().useAuthorizationAgent(new HeadlessAgent());
                context.session().connection().loadProfiles(m -> { });
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> context.session().connection().selectedProperty().get() != null);
            robot.interact(() -> context.session().connection().connect());
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                    () -> !context.window().workspace().tools().list().listView().getItems().isEmpty()
                            || !context.session().connection().errorProperty().get().isEmpty());
            assertThat(context.session().connection().errorProperty().get()).isEmpty();
            assertThat(context.session().source()).isEqualTo(new SessionSource.Saved("Lab"));
            assertThat(context.authorization().steps().trace().steps())
                    .filteredOn(s -> s.kind() == StepKind.AUTHORIZATION_REQUEST)
                    .anySatisfy(s -> assertThat(s.exchanges().get(0).uri().toString())
                            .contains("redirect_uri=http%3A%2F%2Flocalhost%3A" + port + "%2Foauth%2Fcb"));
            // the chosen revision is what was negotiated (the lab's SDK server also speaks newer ones)
            assertThat(context.window().workspace().snapshotProperty().get().protocolVersion()).isEqualTo("2025-06-18");
            assertThat(context.authorization().client().summary()).contains("automatic registration", "localhost:" + port + "/oauth/cb", "MCP 2025-06-18");
            assertThat(Files.readString(profiles.resolve("profiles.json"))).contains("\"tokenAuthMethod\" : \"none\"");
        }
    }

    private static void openDialog(FxRobot robot, AppContext on) {
        Platform.runLater(() -> on.authorization().editClient(on.window().getScene().getWindow()));
        WaitForAsyncUtils.waitForFxEvents();
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#tokenAuthMethod").tryQuery().isPresent());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the Client dialog did not open", e);
        }
    }

    private static void pressOk(FxRobot robot) {
        robot.interact(() -> ((Button) dialogPane(robot).lookupButton(ButtonType.OK)).fire());
    }

    private static DialogPane dialogPane(FxRobot robot) {
        return robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    }

    @SuppressWarnings("unchecked")
    private static <T> ComboBox<T> combo(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("workbench-client-profile");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
