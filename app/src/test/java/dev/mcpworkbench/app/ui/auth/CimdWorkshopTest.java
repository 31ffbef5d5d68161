package dev.mcpworkbench.app.ui.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.app.ui.AppContext;
import dev.mcpworkbench.app.ui.common.TestWindows;
import dev.mcpworkbench.oauth.registration.CimdFinding;
import dev.mcpworkbench.oauth.registration.CimdRule;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
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
 * The CIMD workshop: a document asking for a shared secret is refused with that rule's finding;
 * served over https on loopback, the fixed document is fetched back through its own certificate and
 * keeps every rule; "Use as client ID" hands its URL to the Client settings.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CimdWorkshopTest {

    private AppContext context;

    @Start
    void start(Stage stage) throws Exception {
        context = TestWindows.show(stage, 1200, 800);
    }

    @AfterEach
    void close() {
        Platform.runLater(() -> {
            if (context.authorization().cimdWorkshop() != null) context.authorization().cimdWorkshop().close();
            context.close();
        });
    }

    @Test
    void authorValidateServeAndFetchBack(FxRobot robot) throws Exception {
        robot.interact(() -> {
            // the tab's "CIMD workshop…" button does this; the tab is not on screen before a server is
            context.authorization().openCimdWorkshop(context.window().getScene().getWindow());
        });
        robot.interact(() -> {
            robot.lookup("#cimdTokenAuthMethod").queryAs(ComboBox.class).setValue("client_secret_post");
            fire(robot, "#cimdGenerate");
        });
        CimdWorkshop workshop = context.authorization().cimdWorkshop();
        assertThat(workshop.findings()).extracting(CimdFinding::rule).containsExactly(CimdRule.NO_SHARED_SECRET);

        robot.interact(() -> {
            robot.lookup("#cimdTokenAuthMethod").queryAs(ComboBox.class).setValue("none");
            fire(robot, "#cimdServe");
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> workshop.statusProperty().get().startsWith("Serving at"));
        WaitForAsyncUtils.waitForFxEvents();
        String url = workshop.urlProperty().get();
        assertThat(url).startsWith("https://127.0.0.1:").endsWith(CimdWorkshop.SERVED_PATH);
        assertThat(workshop.documentProperty().get()).contains("\"client_id\" : \"" + url + "\"", "\"token_endpoint_auth_method\" : \"none\"");
        assertThat(workshop.findings()).isEmpty();

        robot.interact(() -> fire(robot, "#cimdFetch"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> workshop.statusProperty().get().startsWith("Fetched"));
        assertThat(workshop.statusProperty().get()).startsWith("Fetched: the document keeps every rule").contains("\u2192 200");
        assertThat(workshop.hostProperty().get().fetchCount()).isEqualTo(1);

        robot.interact(() -> fire(robot, "#cimdUseAsClientId"));
        assertThat(context.authorization().client().registrationProperty().get()).isEqualTo(ClientSettings.Registration.CIMD_URL);
        assertThat(context.authorization().client().metadataUrlProperty().get()).isEqualTo(url);

        robot.interact(() -> fire(robot, "#cimdStop"));
        assertThat(workshop.hostProperty().get()).isNull();
    }

    private static void fire(FxRobot robot, String id) {
        ((Button) robot.lookup(id).query()).fire();
    }
}
