package dev.mcpworkbench.app.ui.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.app.ui.AppContext;
import dev.mcpworkbench.app.ui.common.TestWindows;
import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.RunningLab;
import dev.mcpworkbench.oauth.flow.AuthorizationAgent;
import dev.mcpworkbench.oauth.flow.FlowException;
import dev.mcpworkbench.oauth.flow.StepKind;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
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
 * A browser that cannot reach the desktop's loopback callback (another machine): it approves the
 * consent page and stops at the redirect. The user pastes that redirect URL in the tab's field,
 * and the flow completes with it.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PastedRedirectTest {

    private AppContext context;

    @Start
    void start(Stage stage) throws Exception {
        context = TestWindows.show(stage, 1200, 800);
    }

    @AfterEach
    void close() {
        if (context != null) Platform.runLater(context::close);
    }

    @Test
    void thePastedRedirectUrlCompletesTheFlow(FxRobot robot) throws Exception {
        try (RunningLab lab = Lab.start(LabSpec.secure().withAuth())) {
            RemoteBrowser browser = new RemoteBrowser();
            robot.interact(() -> {
                context.authorization().useAuthorizationAgent(browser);
                context.typedUrls().connect(lab.mcpUrl());
            });
            String redirect = browser.redirect.get(60, TimeUnit.SECONDS).toString();
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> pasteField(robot) != null);
            robot.interact(() -> {
                Node card = pasteField(robot).getParent().getParent();
                ((Button) card.lookup("#usePastedRedirect")).fire(); // empty: refused, the flow still waits
                pasteField(robot).setText(redirect);
                ((Button) card.lookup("#usePastedRedirect")).fire();
            });
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                    () -> !context.window().workspace().tools().list().listView().getItems().isEmpty());
            assertThat(context.authorization().steps().trace().steps())
                    .filteredOn(s -> s.kind() == StepKind.AUTHORIZATION_REQUEST)
                    .anySatisfy(s -> assertThat(s.notes()).contains("The user pasted the redirect URL"));
        }
    }

    private static TextField pasteField(FxRobot robot) {
        return robot.lookup("#pastedRedirect").queryAll().stream()
                .filter(n -> n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing())
                .filter(n -> {
                    for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
                    return true;
                })
                .map(TextField.class::cast).findFirst().orElse(null);
    }

    /** Approves the consent page over HTTP and stops at the redirect, as a browser on another machine would. */
    private static final class RemoteBrowser implements AuthorizationAgent {
        private static final Pattern ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"");
        private static final Pattern TRANSACTION = Pattern.compile("name=\"transaction\" value=\"([^\"]+)\"");
        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        final CompletableFuture<URI> redirect = new CompletableFuture<>();

        @Override
        public URI authorize(URI authorizationUrl, URI redirectUri, AgentContext agentContext) throws FlowException {
            try {
                String page = http.send(HttpRequest.newBuilder(authorizationUrl).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
                Matcher action = ACTION.matcher(page);
                Matcher transaction = TRANSACTION.matcher(page);
                if (!action.find() || !transaction.find()) throw new FlowException(StepKind.AUTHORIZATION_REQUEST, "no consent page");
                String form = "transaction=" + URLEncoder.encode(transaction.group(1), StandardCharsets.UTF_8) + "&decision=approve";
                HttpResponse<String> approved = http.send(HttpRequest.newBuilder(authorizationUrl.resolve(action.group(1)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                redirect.complete(URI.create(approved.headers().firstValue("Location").orElseThrow()));
                return null;
            } catch (java.io.IOException e) {
                throw new FlowException(StepKind.AUTHORIZATION_REQUEST, "browser failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FlowException(StepKind.AUTHORIZATION_REQUEST, "interrupted");
            }
        }
    }
}
