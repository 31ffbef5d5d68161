package dev.mcpworkbench.oauth.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import dev.mcpworkbench.oauth.probe.OidcProviderFixture;
import dev.mcpworkbench.oauth.registration.RegistrationStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client identity options: the token endpoint authentication method (automatic, or the user's
 * choice when a server accepts less than its metadata lists), and the callback's host and path.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TokenEndpointAuthChoiceTest {

    @Test
    void aServerThatAcceptsOnlyClientSecretPostNeedsTheChoice() throws Exception {
        try (LoopbackOAuthServer as = new LoopbackOAuthServer()) {
            as.authMethodsSupported = "[\"client_secret_basic\",\"client_secret_post\"]";
            as.postOnly = true;
            FlowOptions options = new FlowOptions("pre", "s3cret", null, null, 0, Duration.ofSeconds(10), new HeadlessAgent(), null, 2);

            OAuthSession automatic = new OAuthSession(as.mcpUrl(), options, RecordingHttpClient.withDefaults(), new FlowTrace(),
                    new RegistrationStore());
            assertThatThrownBy(automatic::probeAndAuthorize).isInstanceOf(FlowException.class).hasMessageContaining("invalid_client");
            assertThat(as.lastTokenAuthorization).startsWith("Basic ");

            OAuthSession chosen = new OAuthSession(as.mcpUrl(), options.withTokenAuthMethod("client_secret_post"),
                    RecordingHttpClient.withDefaults(), new FlowTrace(), new RegistrationStore());
            assertThat(chosen.probeAndAuthorize()).isTrue();
            assertThat(as.lastTokenAuthorization).isNull();
            assertThat(as.lastForm.get("token")).containsEntry("client_id", "pre").containsEntry("client_secret", "s3cret");
        }
    }

    @Test
    void aRealProviderTakesTheChosenMethod() throws Exception {
        try (OidcProviderFixture provider = OidcProviderFixture.start()) {
            FlowTrace trace = new FlowTrace();
            FlowOptions options = new FlowOptions(OidcProviderFixture.POST_ONLY_CLIENT, OidcProviderFixture.POST_ONLY_SECRET, null, null, 0,
                    Duration.ofSeconds(20), new OidcProviderFixture.CookieKeepingPerson(), null, 2).withTokenAuthMethod("client_secret_post");
            try (OAuthSession session = new OAuthSession(provider.mcpUrl(), options, RecordingHttpClient.withDefaults(), trace,
                    new RegistrationStore())) {
                assertThat(session.probeAndAuthorize()).isTrue();
                assertThat(session.current().orElseThrow().client().authMethod()).isEqualTo("client_secret_post");
            }
            FlowStep token = trace.steps().stream().filter(s -> s.kind() == StepKind.TOKEN_REQUEST).findFirst().orElseThrow();
            assertThat(token.exchanges().get(0).requestBody()).contains("client_secret=");
            assertThat(token.exchanges().get(0).requestHeaders()).doesNotContainKey("Authorization");
        }
    }

    @Test
    void aChosenScopeWithOpenidReachesARealProvider() throws Exception {
        try (OidcProviderFixture provider = OidcProviderFixture.start()) {
            FlowTrace trace = new FlowTrace();
            FlowOptions options = new FlowOptions(null, null, null, "openid mcp:read", 0, Duration.ofSeconds(20),
                    new OidcProviderFixture.CookieKeepingPerson(), null, 2);
            try (OAuthSession session = new OAuthSession(provider.mcpUrl(), options, RecordingHttpClient.withDefaults(), trace,
                    new RegistrationStore())) {
                assertThat(session.probeAndAuthorize()).isTrue();
                assertThat(session.current().orElseThrow().requestedScopes()).contains("openid", "mcp:read");
            }
            FlowStep authorization = trace.steps().stream().filter(s -> s.kind() == StepKind.AUTHORIZATION_REQUEST).findFirst().orElseThrow();
            assertThat(authorization.inputs().get("scope")).startsWith("openid mcp:read");
            assertThat(trace.findings()).noneMatch(f -> f.verdict() == dev.mcpworkbench.oauth.check.Verdict.FAIL);
        }
    }

    @Test
    void aSecretMethodWithoutASecretIsRefusedBeforeAnythingIsSent() throws Exception {
        try (LoopbackOAuthServer as = new LoopbackOAuthServer()) {
            FlowOptions options = new FlowOptions("pre", null, null, null, 0, Duration.ofSeconds(10), new HeadlessAgent(), null, 2)
                    .withTokenAuthMethod("client_secret_basic");
            OAuthSession session = new OAuthSession(as.mcpUrl(), options, RecordingHttpClient.withDefaults(), new FlowTrace(),
                    new RegistrationStore());
            assertThatThrownBy(session::probeAndAuthorize).hasMessageContaining("needs the client's secret");
            assertThat(as.lastForm).doesNotContainKey("token");
        }
    }

    @Test
    void theCallbackHostAndPathAreTheChosenOnes() throws Exception {
        try (CallbackListener listener = CallbackListener.open("localhost", 0, "/oauth/done")) {
            assertThat(listener.redirectUri().toString()).startsWith("http://localhost:").endsWith("/oauth/done");
            var answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + listener.port() + "/oauth/done?code=abc&state=s")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(listener.await(Duration.ofSeconds(5)).orElseThrow().getRawQuery()).isEqualTo("code=abc&state=s");
        }
        assertThatThrownBy(() -> FlowOptions.headless().withCallback("example.com", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FlowOptions.headless().withCallback(null, "/../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FlowOptions.headless().withTokenAuthMethod("tls_client_auth")).isInstanceOf(IllegalArgumentException.class);
    }
}
