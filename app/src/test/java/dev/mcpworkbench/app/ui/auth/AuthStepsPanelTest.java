package dev.mcpworkbench.app.ui.auth;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import com.sun.net.httpserver.HttpServer;
import dev.mcpworkbench.app.ui.AppContext;
import dev.mcpworkbench.app.ui.common.ThemeSettings;
import dev.mcpworkbench.oauth.flow.StepKind;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
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
 * Connecting to a loopback server that demands a token but publishes no protected resource
 * metadata: the panel shows the probe with its 401 exchange, then the metadata step with its finding (before the 2025-03-26 fallback finds nothing either), and masks the
 * bearer-looking challenge values until revealed.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AuthStepsPanelTest {

    private AppContext context;
    private HttpServer server;

    @Start
    void start(Stage stage) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "{\"error\":\"unauthorized\"}".getBytes(StandardCharsets.UTF_8);
            if (exchange.getRequestURI().getPath().equals("/mcp")) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"lab\"");
                exchange.sendResponseHeaders(401, body.length);
                exchange.getResponseBody().write(body);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
            exchange.close();
        });
        server.start();
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        context = AppContext.create(new ThemeSettings(Preferences.userRoot().node("mcp-workbench-test-auth")),
                new dev.mcpworkbench.app.ui.connect.CoreConnector(new dev.mcpworkbench.app.ui.requests.UserPrompts(() -> stage, java.time.Duration.ofSeconds(30))),
                new dev.mcpworkbench.app.ui.connect.ProfileStore(tempProfiles()));
        stage.setScene(new Scene(context.window(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        context.close();
        server.stop(0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void showsEachStepWithItsExchangesAndChecks(FxRobot robot) throws Exception {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mcp");
        robot.interact(() -> context.typedUrls().connect(url));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#authSteps").tryQuery().isPresent());
        ListView<StepItem> steps = robot.lookup("#authSteps").queryAs(ListView.class);
        // without metadata the flow falls back to 2025-03-26 discovery, which finds nothing either
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> steps.getItems().stream().anyMatch(i -> "failed".equals(i.state())));
        WaitForAsyncUtils.waitForFxEvents();

        StepItem probe = steps.getItems().stream().filter(i -> i.kind() == StepKind.PROBE && !i.isPending())
                .findFirst().orElseThrow();
        // the desktop probes as connect and scan --auth do: the 401 is the probe step's own exchange
        assertThat(probe.state()).isEqualTo("passed");
        assertThat(probe.step().exchanges()).anySatisfy(x -> assertThat(x.status()).isEqualTo(401));
        StepItem prm = steps.getItems().stream().filter(i -> i.kind() == StepKind.PROTECTED_RESOURCE_METADATA)
                .findFirst().orElseThrow();
        assertThat(prm.step().findings()).anySatisfy(f -> assertThat(f.ruleId()).isEqualTo("OAUTH-003"));

        robot.interact(() -> steps.getSelectionModel().select(prm));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("OAUTH-003").tryQuery()).isPresent();
        TitledPane first = robot.lookup("#exchange-1").queryAs(TitledPane.class);
        assertThat(first.getText()).startsWith("1. GET http://127.0.0.1:").endsWith("404");
        assertThat(((TextArea) first.getContent().lookup(".text-area")).getText()).contains("--- 404");
        assertThat(robot.lookup("#authSummary").queryLabeled().getText()).startsWith("Authorization failed at");
    }

    private static java.nio.file.Path tempProfiles() {
        try {
            return java.nio.file.Files.createTempDirectory("workbench-analysis").resolve("profiles.json");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
