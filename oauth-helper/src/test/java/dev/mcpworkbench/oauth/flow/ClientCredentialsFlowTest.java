package dev.mcpworkbench.oauth.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import dev.mcpworkbench.oauth.registration.RegistrationStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client credentials grant against a loopback resource + authorization server: no person, no browser, no callback. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ClientCredentialsFlowTest {

    private LoopbackOAuthServer as;
    private final FlowTrace trace = new FlowTrace();
    private final List<StepKind> finished = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        as = new LoopbackOAuthServer();
        trace.addListener(new FlowListener() {
            @Override
            public void stepFinished(FlowStep step) {
                finished.add(step.kind());
            }
        });
    }

    @AfterEach
    void stop() {
        as.close();
    }

    private OAuthSession session(String clientId, String secret) {
        // An agent that fails the test if anything tries to open an authorization page.
        AuthorizationAgent noPerson = (url, redirect, context) -> {
            throw new AssertionError("the client credentials grant opened an authorization page: " + url);
        };
        FlowOptions options = new FlowOptions(clientId, secret, null, null, 0, Duration.ofSeconds(10), noPerson, null, 2)
                .withClientCredentials(true);
        return new OAuthSession(as.mcpUrl(), options, new RecordingHttpClient(Duration.ofSeconds(5), 1 << 20), trace,
                new RegistrationStore());
    }

    @Test
    void thePreRegisteredClientGetsATokenWithBasicAuthenticationAndTheResource() throws Exception {
        OAuthSession session = session("machine", "s3cr:et");

        assertThat(session.probeAndAuthorize()).isTrue();

        assertThat(session.accessToken()).isPresent();
        assertThat(as.lastForm.get("token")).containsEntry("grant_type", "client_credentials")
                .containsEntry("resource", as.base + "/mcp").doesNotContainKey("client_secret").doesNotContainKey("code_verifier");
        assertThat(as.lastForm).doesNotContainKey("authorize");
        assertThat(as.lastTokenAuthorization).startsWith("Basic ");
        String pair = new String(Base64.getDecoder().decode(as.lastTokenAuthorization.substring(6)), StandardCharsets.UTF_8);
        assertThat(pair).isEqualTo("machine:s3cr%3Aet"); // RFC 6749 2.3.1: form-encoded before Base64
        assertThat(finished).doesNotContain(StepKind.AUTHORIZATION_REQUEST, StepKind.CALLBACK)
                .contains(StepKind.CLIENT_REGISTRATION, StepKind.TOKEN_REQUEST);
    }

    @Test
    void withoutAClientSecretTheGrantIsRefusedWithTheReason() {
        OAuthSession session = session("machine", null);

        assertThatThrownBy(session::probeAndAuthorize).isInstanceOf(FlowException.class)
                .hasMessageContaining("client credentials").hasMessageContaining("secret");
        assertThat(as.lastForm).doesNotContainKey("token");
    }
}
