package dev.mcpworkbench.app.ui.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.app.ui.AppContext;
import dev.mcpworkbench.app.ui.common.ApprovingBrowser;
import dev.mcpworkbench.app.ui.common.Screenshots;
import dev.mcpworkbench.app.ui.common.TestWindows;
import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.RunningLab;
import dev.mcpworkbench.lab.auth.DPoPPolicy;
import dev.mcpworkbench.oauth.flow.StepKind;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
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
 * The lab flow, then the token step: the lab's JWT access token decoded, its aud matching the
 * resource the flow asked for, its scopes compared with the authorization request's, the raw token
 * masked until secrets are revealed, and the countdown stopping when the view goes away.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DecodedTokensLabTest {

    private AppContext context;

    @Start
    void start(Stage stage) throws Exception {
        context = TestWindows.show(stage, 1440, 1000);
    }

    @AfterEach
    void close() {
        if (context != null) Platform.runLater(context::close);
    }

    @Test
    void theTokenStepShowsTheDecodedTokenHeldAgainstTheFlow(FxRobot robot) throws Exception {
        try (RunningLab lab = Lab.start(LabSpec.flawed().withAuth())) {
            ApprovingBrowser browser = new ApprovingBrowser();
            AuthorizationFeature auth = context.authorization();
            AuthStepsViewModel steps = auth.steps();
            robot.interact(() -> {
                auth.useAuthorizationAgent(browser);
                context.typedUrls().connect(lab.mcpUrl());
            });
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                    () -> !context.window().workspace().tools().list().listView().getItems().isEmpty());
            StepItem token = steps.steps().stream().filter(i -> i.kind() == StepKind.TOKEN_REQUEST).findFirst().orElseThrow();
            robot.interact(() -> {
                auth.showTab();
                steps.choose(token);
            });
            WaitForAsyncUtils.waitForFxEvents();

            DecodedTokensView view = robot.lookup("#decodedTokens").queryAs(DecodedTokensView.class);
            Label aud = robot.from(view).lookup("#accesstoken-aud").queryAs(Label.class);
            assertThat(aud.getText()).startsWith("match · resource " + lab.mcpUrl().toString().replaceAll("/$", ""));
            assertThat(robot.from(view).lookup("#accesstoken-iss").queryAs(Label.class).getText()).startsWith("match · issuer ");
            assertThat(robot.from(view).lookup("#accesstoken-exp").queryAs(Label.class).getText()).startsWith("expires in ");
            assertThat(robot.from(view).lookup("#accesstoken-claims").queryAs(TextArea.class).getText())
                    .contains("\"aud\"", "\"iss\"", "\"exp\"");
            String asked = token.step() == null ? "" : steps.trace().steps().stream()
                    .filter(s -> s.kind() == StepKind.AUTHORIZATION_REQUEST).findFirst().orElseThrow().inputs().get("scope");
            assertThat(robot.from(view).lookup("#scopeComparison").queryAs(Label.class).getText())
                    .as("the lab grants the scopes asked (%s)", asked).isEqualTo("granted as asked");
            assertThat(view.ticking()).isTrue();

            String raw = robot.from(view).lookup(".copy-field").queryAllAs(TextField.class).stream()
                    .findFirst().orElseThrow().getText();
            assertThat(raw).as("the raw token is masked").startsWith("****(");

            // for the screenshot: a small diagram, the detail scrolled to the tokens
            robot.interact(() -> ((SplitPane) ancestor(view, SplitPane.class)).setDividerPositions(0.12));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                ScrollPane scroll = (ScrollPane) ancestor(view, ScrollPane.class);
                scroll.layout();
                Node content = scroll.getContent();
                double y = view.localToScene(0, 0).getY() - content.localToScene(0, 0).getY() - 60;
                double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
                scroll.setVvalue(room <= 0 ? 0 : Math.max(0, Math.min(1, y / room)));
            });
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> Screenshots.maybeSave(context.window().getScene(), "oauth-decoded-token"));

            robot.interact(() -> steps.revealSecretsProperty().set(true));
            DecodedTokensView revealed = robot.lookup("#decodedTokens").queryAs(DecodedTokensView.class);
            assertThat(view.ticking()).as("the replaced view's countdown stopped").isFalse();
            assertThat(revealed.ticking()).isTrue();
            assertThat(robot.from(revealed).lookup(".copy-field").queryAllAs(TextField.class).stream().findFirst().orElseThrow()
                    .getText()).as("revealed: the JWT itself").matches("[\\w-]+\\.[\\w-]+\\.[\\w-]*");
        }
    }

    @Test
    void aServerThatDemandsDPoPGetsABoundTokenWhoseKeyTheTokenStepShows(FxRobot robot) throws Exception {
        try (RunningLab lab = Lab.start(LabSpec.flawed().withDPoP(DPoPPolicy.REQUIRED))) {
            AuthorizationFeature auth = context.authorization();
            AuthStepsViewModel steps = auth.steps();
            robot.interact(() -> {
                auth.useAuthorizationAgent(new ApprovingBrowser());
                context.typedUrls().connect(lab.mcpUrl());
            });
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                    () -> !context.window().workspace().tools().list().listView().getItems().isEmpty());
            StepItem token = steps.steps().stream().filter(i -> i.kind() == StepKind.TOKEN_REQUEST).findFirst().orElseThrow();
            robot.interact(() -> {
                auth.showTab();
                steps.choose(token);
            });
            WaitForAsyncUtils.waitForFxEvents();

            DecodedTokensView view = robot.lookup("#decodedTokens").queryAs(DecodedTokensView.class);
            assertThat(robot.from(view).lookup("#tokenType").queryAs(Label.class).getText()).startsWith("DPoP").contains("bound");
            assertThat(robot.from(view).lookup("#accesstoken-cnf").queryAs(Label.class).getText()).startsWith("match · session key ");
            assertThat(robot.from(view).lookup("#accesstoken-claims").queryAs(TextArea.class).getText()).contains("\"cnf\"", "\"jkt\"");
        }
    }

    private static Node ancestor(Node node, Class<?> type) {
        Node n = node;
        while (n != null && !type.isInstance(n)) n = n.getParent();
        return n;
    }
}
