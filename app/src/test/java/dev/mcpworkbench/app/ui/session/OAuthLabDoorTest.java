package dev.mcpworkbench.app.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.app.ui.auth.StepItem;
import dev.mcpworkbench.app.ui.common.ApprovingBrowser;
import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.RunningLab;
import dev.mcpworkbench.oauth.flow.StepKind;
import org.junit.jupiter.api.AfterEach;
import org.testfx.api.FxRobot;

/**
 * The flawed lab server behind the lab's authorization server, reached by URL: the probe meets a
 * 401, a scripted browser approves the consent page, and the session goes on as any other.
 */
class OAuthLabDoorTest extends DoorTestBase {

    private final ApprovingBrowser browser = new ApprovingBrowser();
    private RunningLab lab;

    @Override
    void open(FxRobot robot) {
        lab = Lab.start(LabSpec.flawed().withAuth());
        robot.interact(() -> {
            context.authorization().useAuthorizationAgent(browser);
            context.typedUrls().connect(lab.mcpUrl());
        });
    }

    @AfterEach
    void authorizedThroughTheFlow() {
        assertThat(browser.consentPagesSeen()).isEqualTo(1);
        assertThat(context.authorization().steps().steps()).extracting(StepItem::kind)
                .contains(StepKind.PROTECTED_RESOURCE_METADATA, StepKind.AUTHORIZATION_REQUEST, StepKind.TOKEN_REQUEST);
        // the probe's 401 is the first step's exchange; the connection's requests then carry the token
        assertThat(context.authorization().steps().steps()).filteredOn(i -> i.kind() == StepKind.PROBE)
                .anySatisfy(i -> assertThat(i.step().exchanges()).anySatisfy(x -> assertThat(x.status()).isEqualTo(401)));
        assertThat(context.traffic().rows()).as("the bearer-carrying requests are in the traffic")
                .anySatisfy(r -> assertThat(r.http()).contains("Authorization: Bearer "));
    }

    @Override
    void closeServer() {
        if (lab != null) lab.close();
    }

    @Override
    Class<? extends SessionSource> expectedSource() {
        return SessionSource.TypedUrl.class;
    }
}
