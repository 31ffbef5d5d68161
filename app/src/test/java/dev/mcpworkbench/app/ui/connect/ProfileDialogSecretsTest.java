package dev.mcpworkbench.app.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.app.secrets.OsKeychain;
import dev.mcpworkbench.app.secrets.SecretServiceFixture;
import dev.mcpworkbench.app.secrets.SecretStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The connection dialog says where header and environment values will be kept, and offers plain text only beside a keychain. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ProfileDialogSecretsTest {

    @TempDir
    Path dir;

    private final Preferences prefs = Preferences.userRoot().node("mcp-workbench-test-dialog-secrets");
    private ProfileDialog dialog;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @AfterEach
    void forget(FxRobot robot) throws Exception {
        if (dialog != null) robot.interact(dialog::close);
        prefs.removeNode();
    }

    private void open(FxRobot robot, SecretStorage storage) {
        robot.interact(() -> {
            dialog = new ProfileDialog(null, ProfileFields.http("acme", java.net.URI.create("http://127.0.0.1:3001/mcp")), List.of())
                    .showingSecrets(storage);
            dialog.show();
        });
    }

    @Test
    void withoutAKeychainTheDialogSaysThePlainTextIsForced(FxRobot robot) {
        SecretStorage storage = new SecretStorage(prefs, Optional::empty); // a machine where no keychain answers
        storage.lookUp();
        open(robot, storage);
        assertThat(robot.lookup("#profileSecretsNote").queryAs(Label.class).getText())
                .isEqualTo("No OS keychain was found: header and environment values are saved in plain text in profiles.json.");
        assertThat(robot.lookup("#profileSecretsPlainText").tryQuery()).isEmpty();
    }

    @Test
    void besideTheSecretServiceTheDialogNamesItAndRemembersAChoiceOfPlainText(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(SecretServiceFixture.available(), "no dbus-daemon and gnome-keyring-daemon here");
        try (SecretServiceFixture service = new SecretServiceFixture(Files.createDirectories(dir.resolve("home")));
             SecretStorage storage = new SecretStorage(prefs, OsKeychain::open)) {
            storage.lookUp(); // as the app does in the background at start
            open(robot, storage);
            assertThat(robot.lookup("#profileSecretsNote").queryAs(Label.class).getText())
                    .isEqualTo("Header and environment values are kept in the OS keychain (Secret Service); profiles.json holds a reference.");
            CheckBox plain = robot.lookup("#profileSecretsPlainText").queryAs(CheckBox.class);
            assertThat(plain.isSelected()).isFalse();
            robot.interact(() -> {
                plain.setSelected(true);
                ((javafx.scene.control.Button) dialog.getDialogPane().lookupButton(ButtonType.OK)).fire();
            });
            assertThat(storage.plainTextChosen()).isTrue();
            assertThat(storage.keepsValuesOutOfTheFile()).isFalse();
            assertThat(storage.note()).isEqualTo("Header and environment values are saved in plain text in profiles.json, as you chose.");
        }
    }
}
