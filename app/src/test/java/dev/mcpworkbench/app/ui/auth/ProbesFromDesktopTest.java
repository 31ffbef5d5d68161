package dev.mcpworkbench.app.ui.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.app.ui.AppContext;
import dev.mcpworkbench.app.ui.common.TestWindows;
import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.RunningLab;
import dev.mcpworkbench.lab.auth.Misbehaviour;
import dev.mcpworkbench.oauth.check.Verdict;
import dev.mcpworkbench.oauth.flow.FlowStep;
import dev.mcpworkbench.oauth.flow.HeadlessAgent;
import dev.mcpworkbench.oauth.flow.StepKind;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
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
 * The Probes panel against the lab's authorization server bent not to rotate refresh tokens: the
 * refresh-rotation probe asks consent first (declining sends nothing), then runs off the FX
 * thread and yields OAUTH-023 with its two token requests as evidence, as a step of the
 * Authorization tab's list. Cancel ends a run whose probe waits on a person who never comes back.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProbesFromDesktopTest {

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
    void theRefreshRotationProbeFindsTheReusableRefreshToken(FxRobot robot) throws Exception {
        try (RunningLab lab = Lab.start(LabSpec.secure().withAuth().withAutoApprove().withMisbehaviours(Misbehaviour.NO_REFRESH_ROTATION))) {
            robot.interact(() -> {
                context.authorization().useAuthorizationAgent(new HeadlessAgent());
                context.typedUrls().connect(lab.mcpUrl());
            });
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                    () -> !context.window().workspace().tools().list().listView().getItems().isEmpty());
            robot.interact(() -> {
                context.authorization().showTab();
                ((Button) robot.lookup("#openProbes").query()).fire();
                robot.lookup("#probe-refresh-rotation").queryAs(CheckBox.class).setSelected(true);
            });

            // declined: nothing is sent
            pressRunAndAnswer(robot, ButtonType.CANCEL);
            assertThat(probeSteps()).isEmpty();
            assertThat(context.authorization().probes().results()).isEmpty();

            pressRunAndAnswer(robot, ButtonType.OK);
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !context.authorization().probes().runningProperty().get()
                    && !context.authorization().probes().results().isEmpty());
            assertThat(context.authorization().probes().results().get(0)).isEqualTo("refresh-rotation (OAUTH-023): FAIL");
            assertThat(context.authorization().probes().statusProperty().get()).startsWith("Done: 1 of 1 probes ran");

            List<FlowStep> steps = probeSteps();
            assertThat(steps).hasSize(1);
            FlowStep probe = steps.get(0);
            assertThat(probe.findings()).anySatisfy(f -> {
                assertThat(f.ruleId()).isEqualTo("OAUTH-023");
                assertThat(f.verdict()).isEqualTo(Verdict.FAIL);
            });
            assertThat(probe.exchanges()).filteredOn(x -> x.uri().getPath().endsWith("/token")).hasSize(2)
                    .allSatisfy(x -> assertThat(x.requestBody()).contains("grant_type=refresh_token"));
            // the step is in the tab's list, with its finding
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> context.authorization().steps().steps().stream()
                    .anyMatch(i -> i.kind() == StepKind.ACTIVE_PROBE && i.step() != null && !i.step().findings().isEmpty()));
        }
    }

    @Test
    void cancelStopsTheProbeInFlightAndStartsNoOther(FxRobot robot) throws Exception {
        try (RunningLab lab = Lab.start(LabSpec.secure().withAuth().withAutoApprove())) {
            robot.interact(() -> {
                context.authorization().useAuthorizationAgent(new HeadlessAgent());
                context.typedUrls().connect(lab.mcpUrl());
            });
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                    () -> !context.window().workspace().tools().list().listView().getItems().isEmpty());
            java.util.concurrent.CountDownLatch browserOpened = new java.util.concurrent.CountDownLatch(1);
            robot.interact(() -> {
                // a person who never comes back from the authorization page
                context.authorization().useAuthorizationAgent((url, redirect, agentContext) -> {
                    browserOpened.countDown();
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new dev.mcpworkbench.oauth.flow.FlowException(StepKind.AUTHORIZATION_REQUEST, "interrupted");
                });
                context.authorization().openProbes(context.window().getScene().getWindow());
            });
            robot.interact(() -> {
                robot.lookup("#probe-pkce").queryAs(CheckBox.class).setSelected(true);
                robot.lookup("#probe-code-reuse").queryAs(CheckBox.class).setSelected(true);
            });
            Platform.runLater(() -> ((Button) robot.lookup("#runProbes").query()).fire());
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#probeConsent").tryQuery().isPresent());
            DialogPane consent = robot.lookup("#probeConsent").queryAs(DialogPane.class);
            assertThat(consent.getContentText()).contains("pkce", "code-reuse");
            robot.interact(() -> ((Button) consent.lookupButton(ButtonType.OK)).fire());
            assertThat(browserOpened.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(context.authorization().probes().runningProperty().get()).isTrue();

            robot.interact(() -> ((Button) robot.lookup("#cancelProbes").query()).fire());
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !context.authorization().probes().runningProperty().get());
            assertThat(context.authorization().probes().statusProperty().get()).startsWith("Cancelled after 1 of 2 probes ran");
            assertThat(probeSteps()).extracting(s -> s.inputs().get("probe")).containsExactly("pkce");
        }
    }

    private List<FlowStep> probeSteps() {
        return context.authorization().steps().trace().steps().stream().filter(s -> s.kind() == StepKind.ACTIVE_PROBE).toList();
    }

    /** Run asks consent in a modal dialog: press Run without waiting for it, then answer. */
    private static void pressRunAndAnswer(FxRobot robot, ButtonType answer) throws Exception {
        Platform.runLater(() -> ((Button) robot.lookup("#runProbes").query()).fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#probeConsent").tryQuery().isPresent());
        DialogPane consent = robot.lookup("#probeConsent").queryAs(DialogPane.class);
        assertThat(consent.getContentText()).contains("refresh-rotation", "refresh token");
        robot.interact(() -> ((Button) consent.lookupButton(answer)).fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#probeConsent").tryQuery().isEmpty());
    }
}
