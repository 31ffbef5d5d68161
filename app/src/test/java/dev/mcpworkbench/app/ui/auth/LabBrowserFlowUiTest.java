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
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.ListView;
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
 * The whole browser flow against the lab's authorization server, from the app: connecting to the
 * protected server meets a 401, the flow discovers the authorization server, registers, and sends
 * the user to the consent page; a person approves there (here: an HTTP client that loads the page,
 * submits its Approve button and follows the redirect into the app's loopback listener, as a
 * browser would); the Authorization panel shows every step passing and the tools appear.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LabBrowserFlowUiTest {

    private AppContext context;

    @Start
    void start(Stage stage) throws Exception {
        context = TestWindows.show(stage, 1200, 800);
    }

    @AfterEach
    void close() {
        if (context != null) javafx.application.Platform.runLater(context::close);
    }

    @Test
    void connectingToAProtectedServerWalksTheFlowStepByStep(FxRobot robot) throws Exception {
        try (RunningLab lab = Lab.start(LabSpec.secure().withAuth())) {
            dev.mcpworkbench.app.ui.common.ApprovingBrowser browser = new dev.mcpworkbench.app.ui.common.ApprovingBrowser();
            robot.interact(() -> {
                context.authorization().useAuthorizationAgent(browser);
                context.typedUrls().connect(lab.mcpUrl());
            });
            try {
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                        () -> !context.window().workspace().tools().list().listView().getItems().isEmpty());
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("no tools; steps " + context.authorization().steps().steps().stream()
                        .map(i -> i.kind() + "=" + i.state() + (i.step() == null ? "" : " " + i.step().notes() + " " + i.step().outputs())).toList()
                        + "; status " + context.authorization().steps().summaryProperty().get(), e);
            }
            assertThat(browser.consentPagesSeen()).isEqualTo(1);

            AuthStepsViewModel steps = context.authorization().steps();
            assertThat(steps.steps()).extracting(StepItem::kind).contains(StepKind.PROBE, StepKind.PROTECTED_RESOURCE_METADATA,
                    StepKind.CLIENT_REGISTRATION, StepKind.AUTHORIZATION_REQUEST, StepKind.CALLBACK, StepKind.TOKEN_REQUEST,
                    StepKind.AUTHENTICATED_REQUEST);
            assertThat(steps.steps()).filteredOn(i -> !i.isPending()).extracting(StepItem::state).containsOnly("passed");
            ListView<?> panel = robot.lookup("#authSteps").queryListView();
            assertThat(panel.getItems()).hasSameSizeAs(steps.steps());
            assertThat(context.window().workspace().tools().list().listView().getItems()).isNotEmpty();
        }
    }
}
