package dev.mcpworkbench.app.ui.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.app.auth.MachineGrantSettings.Grant;
import dev.mcpworkbench.oauth.flow.FlowOptions;
import dev.mcpworkbench.oauth.flow.HeadlessAgent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Client dialog's grant section: a machine grant uses the pre-registered client, incomplete choices stay in the dialog. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientDialogGrantTest {

    private ClientDialog dialog;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aJwtBearerGrantWithoutATokenSourceIsRefusedThenAppliedWithOneAndTheKeyIsUsed(FxRobot robot, @TempDir Path dir) throws Exception {
        ClientSettings settings = new ClientSettings();
        robot.interact(() -> {
            dialog = new ClientDialog(settings, null);
            dialog.show();
        });
        ComboBox<Grant> grant = robot.lookup("#clientGrant").queryAs(ComboBox.class);
        TextField assertion = robot.lookup("#clientAssertion").queryAs(TextField.class);
        assertThat(assertion.isDisabled()).as("only for the JWT bearer grant").isTrue();
        assertThat(robot.lookup("#clientId").query().isDisabled()).isTrue();

        robot.interact(() -> grant.setValue(Grant.JWT_BEARER));
        assertThat(assertion.isDisabled()).isFalse();
        assertThat(robot.lookup("#clientId").query().isDisabled()).as("a machine grant uses the pre-registered client").isFalse();
        assertThat(robot.lookup("#clientRegistration").query().isDisabled()).isTrue();
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        robot.interact(ok::fire);
        assertThat(dialog.isShowing()).as("refused: no token source").isTrue();
        assertThat(robot.lookup("#clientProblem").queryAs(Label.class).getText()).contains("file:PATH or env:NAME");

        Path key = dir.resolve("key.jwk");
        Files.writeString(key, dev.mcpworkbench.oauth.registration.ClientKey.generate().privateJwkJson());
        robot.interact(() -> {
            assertion.setText("env:WORKLOAD_TOKEN");
            robot.lookup("#clientId").queryAs(TextField.class).setText("workload");
            robot.lookup("#clientKeyFile").queryAs(TextField.class).setText(key.toString());
            ok.fire();
        });
        assertThat(dialog.isShowing()).isFalse();
        assertThat(settings.grantProperty().get()).isEqualTo(Grant.JWT_BEARER);
        assertThat(settings.summary()).contains("jwt-bearer as client workload (private_key_jwt)");

        FlowOptions options = settings.options(new HeadlessAgent()); // reads the key: off the FX thread, as the feature does
        assertThat(options.clientId()).isEqualTo("workload");
        assertThat(options.assertions().jwtBearerGrant()).isTrue();
        assertThat(options.assertions().clientKey()).isNotNull();
        assertThat(options.clientCredentials()).isFalse();
    }
}
