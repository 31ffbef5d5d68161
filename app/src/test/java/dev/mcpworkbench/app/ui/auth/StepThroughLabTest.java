package dev.mcpworkbench.app.ui.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.app.ui.AppContext;
import dev.mcpworkbench.app.ui.auth.SequenceModel.Arrow;
import dev.mcpworkbench.app.ui.auth.SequenceModel.Lifeline;
import dev.mcpworkbench.app.ui.auth.SequenceModel.Outcome;
import dev.mcpworkbench.app.ui.common.ApprovingBrowser;
import dev.mcpworkbench.app.ui.common.Screenshots;
import dev.mcpworkbench.app.ui.common.TestWindows;
import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.RunningLab;
import dev.mcpworkbench.oauth.flow.FlowStep;
import dev.mcpworkbench.oauth.flow.StepKind;
import dev.mcpworkbench.oauth.http.HttpExchange;
import dev.mcpworkbench.oauth.http.RequestEdit;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
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
 * Step-in mode against the lab's flawed server behind its authorization server: every request of the
 * flow waits in the Authorization tab's editor; the authorization URL's scope is edited there; the
 * diagram draws one arrow pair per exchange; a replay from the token request re-applies the edit
 * to the new run's authorization URL (with its own fresh state) and asks again from the token request on.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class StepThroughLabTest {

    private static final String EDITED_SCOPE = "notes:read";

    private AppContext context;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        context = TestWindows.show(stage, 1440, 1000);
    }

    @AfterEach
    void close() {
        if (context != null) Platform.runLater(context::close);
    }

    @Test
    void stepsThroughEditsTheScopeAndReplays(FxRobot robot) throws Exception {
        try (RunningLab lab = Lab.start(LabSpec.flawed().withAuth())) {
            ApprovingBrowser browser = new ApprovingBrowser();
            AuthorizationFeature auth = context.authorization();
            AuthStepsViewModel steps = auth.steps();
            robot.interact(() -> {
                auth.useAuthorizationAgent(browser);
                steps.stepThroughProperty().set(true);
                context.typedUrls().connect(lab.mcpUrl());
            });

            List<String> asked = new ArrayList<>();
            // every request of the flow waits for Send; the authorization URL's scope is edited first
            sendUntil(robot, steps, asked, () -> !context.window().workspace().tools().list().listView().getItems().isEmpty(), true);

            assertThat(asked).as("each step's requests were offered, the authorization URL once")
                    .contains("PROBE POST /mcp", "TOKEN_REQUEST POST /token", "AUTHENTICATED_REQUEST POST /mcp")
                    .filteredOn(s -> s.startsWith("AUTHORIZATION_REQUEST")).hasSize(1);
            assertEditedScopeWentOnTheWire(steps);
            assertThat(browser.consentPagesSeen()).isEqualTo(1);

            SequenceDiagram diagram = mainDiagram(robot);
            List<Arrow> arrows = diagram.drawn().arrows();
            int exchanges = steps.trace().steps().stream().mapToInt(s -> s.exchanges().size()).sum();
            long hops = arrows.stream().filter(a -> !a.isExchange()).count();
            assertThat(arrows.stream().filter(Arrow::isExchange)).hasSize(exchanges);
            assertThat(hops).as("open the URL in the browser, the redirect to the callback (and the CIMD fetch, if any)").isBetween(2L, 3L);
            assertThat(diagram.lookupAll(".seq-arrow")).hasSize(arrows.size());
            Arrow first = arrows.get(0);
            assertThat(first.request()).isEqualTo("POST /mcp");
            assertThat(first.response()).isEqualTo("401");
            assertThat(first.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(first.to()).isEqualTo(Lifeline.MCP);
            assertThat(arrows).anySatisfy(a -> {
                assertThat(a.from()).isEqualTo(Lifeline.CLIENT);
                assertThat(a.to()).isEqualTo(Lifeline.BROWSER);
                assertThat(a.request()).isEqualTo("open /authorize?…");
            });
            Arrow token = arrows.stream().filter(a -> a.request().equals("POST /token")).findFirst().orElseThrow();
            assertThat(token.response()).isEqualTo("200");
            assertThat(token.outcome()).isEqualTo(Outcome.OK);
            assertThat(token.to()).isEqualTo(Lifeline.AS);
            Arrow last = arrows.get(arrows.size() - 1);
            assertThat(last.request()).isEqualTo("POST /mcp");
            assertThat(last.response()).isEqualTo("200");
            assertThat(diagram.drawn().lifelines()).contains(Lifeline.CLIENT, Lifeline.BROWSER, Lifeline.MCP, Lifeline.AS);

            // clicking the token arrow selects its step and that exchange
            Node tokenNode = diagram.lookupAll(".seq-arrow").stream().filter(n -> n.getUserData() == token).findFirst().orElseThrow();
            robot.interact(() -> tokenNode.fireEvent(new MouseEvent(MouseEvent.MOUSE_CLICKED, 0, 0, 0, 0, MouseButton.PRIMARY, 1,
                    false, false, false, false, true, false, false, true, false, false, null)));
            assertThat(steps.selectedProperty().get().kind()).isEqualTo(StepKind.TOKEN_REQUEST);
            assertThat(steps.selectedExchangeProperty().get()).isEqualTo(0);
            robot.interact(() -> {
                auth.showTab();
                Screenshots.maybeSave(stage.getScene(), "oauth-debugger");
            });

            Path har = Files.createTempFile("flow", ".har");
            auth.exportHar(har);
            assertThat(Files.readString(har)).contains("\"version\" : \"1.2\"", "/token").doesNotContain(token.step().step()
                    .exchanges().get(0).responseBody());

            // replay from the token request: the new run's authorization URL gets the edit without asking
            String firstState = RequestEdit.params(authorizationUrl(steps).getRawQuery()).get("state");
            robot.interact(() -> {
                Button replay = (Button) mainPanel(robot).lookup("#replayFromHere");
                replay.fire();
            });
            List<String> askedAgain = new ArrayList<>();
            sendUntil(robot, steps, askedAgain, () -> steps.steps().stream()
                    .anyMatch(i -> i.kind() == StepKind.AUTHENTICATED_REQUEST && "passed".equals(i.state())), false);
            assertThat(askedAgain).as("asked again from the token request on only")
                    .containsExactly("TOKEN_REQUEST POST /token", "AUTHENTICATED_REQUEST POST /mcp");
            assertEditedScopeWentOnTheWire(steps);
            assertThat(RequestEdit.params(authorizationUrl(steps).getRawQuery()).get("state")).isNotEqualTo(firstState);
            assertThat(browser.consentPagesSeen()).isEqualTo(2);
            assertThat(mainDiagram(robot).drawn().arrows().stream().filter(Arrow::isExchange))
                    .hasSize(steps.trace().steps().stream().mapToInt(s -> s.exchanges().size()).sum());
            robot.interact(() -> steps.stepThroughProperty().set(false));
        }
    }

    /** Sends each pending request from the editor (editing the authorization URL's scope when asked) until {@code done}. */
    private void sendUntil(FxRobot robot, AuthStepsViewModel steps, List<String> asked, java.util.function.BooleanSupplier done,
                           boolean editScope) throws Exception {
        while (true) {
            try {
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> done.getAsBoolean() || editorShown(robot));
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("stuck; asked " + asked + "; steps " + steps.trace().steps() + "; pending "
                        + steps.pendingRequestProperty().get() + "; " + steps.summaryProperty().get()
                        + "; status " + context.window().status(), e);
            }
            if (!editorShown(robot)) {
                if (done.getAsBoolean()) return;
                continue;
            }
            robot.interact(() -> {
                PendingRequest pending = steps.pendingRequestProperty().get();
                asked.add(pending.step() + " " + pending.proposed().method() + " " + pending.proposed().uri().getPath());
                Node editor = visibleEditor(robot);
                if (editScope && pending.step() == StepKind.AUTHORIZATION_REQUEST) {
                    TextArea url = (TextArea) editor.lookup("#stepInUrl");
                    URI original = URI.create(url.getText());
                    url.setText(new RequestEdit(null, Map.of("scope", EDITED_SCOPE), Map.of(), Map.of(), null)
                            .applyTo(pending.proposed().withUri(original)).uri().toString());
                    Screenshots.maybeSave(editor.getScene(), "oauth-step-in");
                }
                ((Button) editor.lookup("#stepInSend")).fire();
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private boolean editorShown(FxRobot robot) {
        return visibleEditor(robot) != null && context.authorization().steps().pendingRequestProperty().get() != null;
    }

    /** The step-in editor on screen: in the tab, or in the authorization window while the workspace is not up. */
    private static Node visibleEditor(FxRobot robot) {
        return robot.lookup("#stepInEditor").queryAll().stream()
                .filter(n -> n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing())
                .filter(n -> {
                    for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
                    return true;
                })
                .findFirst().orElse(null);
    }

    private static void assertEditedScopeWentOnTheWire(AuthStepsViewModel steps) {
        URI url = authorizationUrl(steps);
        assertThat(RequestEdit.params(url.getRawQuery())).containsEntry("scope", EDITED_SCOPE);
        HttpExchange token = stepOf(steps, StepKind.TOKEN_REQUEST).exchanges().get(0);
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.responseBody()).as("the lab AS granted the edited scope").contains("\"scope\":\"" + EDITED_SCOPE + "\"");
    }

    private static URI authorizationUrl(AuthStepsViewModel steps) {
        return URI.create(stepOf(steps, StepKind.AUTHORIZATION_REQUEST).inputs().get("authorization_url"));
    }

    private static FlowStep stepOf(AuthStepsViewModel steps, StepKind kind) {
        return steps.trace().steps().stream().filter(s -> s.kind() == kind).reduce((a, b) -> b).orElseThrow();
    }

    private AuthStepsPanel mainPanel(FxRobot robot) {
        return context.authorization().panel();
    }

    private SequenceDiagram mainDiagram(FxRobot robot) {
        return mainPanel(robot).diagram();
    }
}
