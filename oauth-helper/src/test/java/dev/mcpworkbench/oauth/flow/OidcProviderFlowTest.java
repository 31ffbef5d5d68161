package dev.mcpworkbench.oauth.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.oauth.check.Verdict;
import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import dev.mcpworkbench.oauth.probe.OidcProviderFixture;
import dev.mcpworkbench.oauth.registration.ClientRegistration;
import dev.mcpworkbench.oauth.registration.RegistrationStore;
import dev.mcpworkbench.oauth.token.TokenInspector;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole flow against a certified OpenID provider (npm oidc-provider) on loopback: discovery via
 * RFC 8414 metadata, dynamic registration as a native client, PKCE S256, resource indicators,
 * RFC 9207 iss, a JWT access token whose aud/iss/exp must check out.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class OidcProviderFlowTest {

    private OidcProviderFixture provider;

    @BeforeEach
    void start() throws Exception {
        provider = OidcProviderFixture.start();
    }

    @AfterEach
    void stop() {
        if (provider != null) provider.close();
    }

    @Test
    void dynamicRegistrationPkceResourceAndIssAgainstARealProvider() throws Exception {
        FlowTrace trace = new FlowTrace();
        FlowOptions options = new FlowOptions(null, null, null, null, 0, Duration.ofSeconds(20), new OidcProviderFixture.CookieKeepingPerson(), null, 2);
        OAuthSession session = new OAuthSession(provider.mcpUrl(), options, RecordingHttpClient.withDefaults(), trace,
                new RegistrationStore());

        assertThat(session.probeAndAuthorize()).isTrue();

        AuthorizationResult result = session.current().orElseThrow();
        assertThat(result.authorizationServer().issuer()).isEqualTo(provider.issuer());
        assertThat(result.authorizationServer().metadataUrl().getPath()).isEqualTo("/.well-known/oauth-authorization-server");
        assertThat(result.client().kind()).isEqualTo(ClientRegistration.Kind.DYNAMIC);
        assertThat(result.requestedScopes()).containsExactlyInAnyOrder("mcp:read", "offline_access");
        var jwt = TokenInspector.decode(result.tokens().accessToken());
        assertThat(jwt.jwt()).isTrue();
        assertThat(jwt.claims()).containsEntry("iss", provider.issuer());
        assertThat(String.valueOf(jwt.claims().get("aud"))).contains(provider.mcpUrl().toString());
        assertThat(trace.findings()).noneMatch(f -> f.verdict() == Verdict.FAIL);
        assertThat(trace.findings()).noneMatch(f -> f.ruleId().equals("OAUTH-018") || f.ruleId().equals("OAUTH-027"));
        FlowStep callback = trace.steps().stream().filter(s -> s.kind() == StepKind.CALLBACK).findFirst().orElseThrow();
        assertThat(callback.outputs().get("iss")).isEqualTo(provider.issuer());
        FlowStep last = trace.steps().get(trace.steps().size() - 1);
        assertThat(last.outputs()).containsEntry("status", "200");
    }
}
