package dev.mcpworkbench.app.ui.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.RunningLab;
import dev.mcpworkbench.oauth.flow.FlowOptions;
import dev.mcpworkbench.oauth.flow.FlowTrace;
import dev.mcpworkbench.oauth.flow.HeadlessAgent;
import dev.mcpworkbench.oauth.flow.OAuthSession;
import dev.mcpworkbench.oauth.flow.StepKind;
import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import dev.mcpworkbench.oauth.registration.RegistrationStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A machine grant skips the authorization request and the callback: the steps list does not keep them waiting. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MachineGrantStepsTest {

    @Test
    void theClientCredentialsGrantLeavesNoStepWaiting() throws Exception {
        AuthStepsViewModel steps = new AuthStepsViewModel(Runnable::run);
        FlowTrace trace = new FlowTrace();
        steps.follow(trace);
        try (RunningLab lab = Lab.start(LabSpec.secure().withAuth().withAutoApprove())) {
            FlowOptions options = new FlowOptions("lab-confidential", lab.authorizationServer().orElseThrow().clients()
                    .confidentialClientSecret(), null, null, 0, Duration.ofSeconds(10), new HeadlessAgent(), null, 2)
                    .withClientCredentials(true);
            try (OAuthSession session = new OAuthSession(lab.mcpUrl(), options, new RecordingHttpClient(Duration.ofSeconds(5), 1 << 20),
                    trace, new RegistrationStore())) {
                assertThat(session.probeAndAuthorize()).isTrue();
            }
        }

        assertThat(steps.steps()).noneMatch(StepItem::isPending);
        assertThat(steps.steps()).extracting(StepItem::kind).containsSubsequence(StepKind.CLIENT_REGISTRATION,
                StepKind.TOKEN_REQUEST, StepKind.AUTHENTICATED_REQUEST).doesNotContain(StepKind.AUTHORIZATION_REQUEST, StepKind.CALLBACK);
    }
}
