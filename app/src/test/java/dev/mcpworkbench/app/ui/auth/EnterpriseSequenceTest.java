package dev.mcpworkbench.app.ui.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.RunningLab;
import dev.mcpworkbench.lab.auth.AsSettings;
import dev.mcpworkbench.lab.auth.LabAuthorizationServer;
import dev.mcpworkbench.oauth.flow.AssertionOptions;
import dev.mcpworkbench.oauth.flow.FlowOptions;
import dev.mcpworkbench.oauth.flow.FlowTrace;
import dev.mcpworkbench.oauth.flow.HeadlessAgent;
import dev.mcpworkbench.oauth.flow.OAuthSession;
import dev.mcpworkbench.oauth.flow.StepKind;
import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import dev.mcpworkbench.oauth.registration.RegistrationStore;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The sequence diagram of an enterprise-managed authorization gives the identity provider its own lifeline. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EnterpriseSequenceTest {

    @Test
    void theTokenExchangeGoesToTheIdentityProviderAndTheJwtBearerGrantToTheAuthorizationServer() throws Exception {
        FlowTrace trace = new FlowTrace();
        try (RunningLab lab = Lab.start(LabSpec.secure().withAuth().withAutoApprove());
             LabAuthorizationServer idp = LabAuthorizationServer.start(new AsSettings(Set.of(), true, "", List.of(), Set.of(), Set.of()))) {
            LabAuthorizationServer as = lab.authorizationServer().orElseThrow();
            as.assertions().trustIssuer(idp.issuer().toString(), idp.signingKey());
            String idToken = idp.tokens().mintIdToken("alice", "lab-confidential", Duration.ofMinutes(5));
            FlowOptions options = new FlowOptions("lab-confidential", as.clients().confidentialClientSecret(), null, null, 0,
                    Duration.ofSeconds(10), new HeadlessAgent(), null, 2).withAssertions(AssertionOptions.NONE.withIdJag(
                    new AssertionOptions.IdJag(URI.create(idp.issuer() + "/token"), "lab-confidential",
                            idp.clients().confidentialClientSecret(), () -> idToken)));
            try (OAuthSession session = new OAuthSession(lab.mcpUrl(), options, new RecordingHttpClient(Duration.ofSeconds(5), 1 << 20),
                    trace, new RegistrationStore())) {
                assertThat(session.probeAndAuthorize()).isTrue();
            }
        }

        SequenceModel model = SequenceModel.of(trace.steps().stream().map(s -> new StepItem(s.kind(), s, 0)).toList());

        assertThat(model.lifelines()).contains(SequenceModel.Lifeline.IDP).doesNotContain(SequenceModel.Lifeline.BROWSER);
        assertThat(model.arrows()).filteredOn(a -> a.step().kind() == StepKind.TOKEN_EXCHANGE)
                .singleElement().satisfies(a -> assertThat(a.to()).isEqualTo(SequenceModel.Lifeline.IDP));
        assertThat(model.arrows()).filteredOn(a -> a.step().kind() == StepKind.TOKEN_REQUEST)
                .singleElement().satisfies(a -> assertThat(a.to()).isEqualTo(SequenceModel.Lifeline.AS));
    }
}
