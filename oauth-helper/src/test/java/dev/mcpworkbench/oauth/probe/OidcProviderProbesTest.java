package dev.mcpworkbench.oauth.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.oauth.check.Verdict;
import dev.mcpworkbench.oauth.flow.FlowOptions;
import dev.mcpworkbench.oauth.flow.FlowTrace;
import dev.mcpworkbench.oauth.flow.OAuthSession;
import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import dev.mcpworkbench.oauth.registration.RegistrationStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every probe against a certified OpenID provider (npm oidc-provider): it fails none of them. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OidcProviderProbesTest {

    @Test
    void aCertifiedProviderFailsNoProbe() throws Exception {
        try (OidcProviderFixture provider = OidcProviderFixture.start()) {
            FlowTrace trace = new FlowTrace();
            FlowOptions options = new FlowOptions(null, null, null, null, 0, Duration.ofSeconds(20),
                    new OidcProviderFixture.CookieKeepingPerson(), null, 2);
            RecordingHttpClient http = RecordingHttpClient.withDefaults();
            try (OAuthSession session = new OAuthSession(provider.mcpUrl(), options, http, trace, new RegistrationStore())) {
                assertThat(session.probeAndAuthorize()).isTrue();
                ProbeContext context = new ProbeContext(provider.mcpUrl(), session.current().orElseThrow(), http, options.agent(),
                        options.callbackTimeout());

                List<ProbeResult> results = ProbeRunner.run(ActiveProbes.all(), context, trace, ProbeListener.NONE);

                Map<String, String> verdicts = results.stream().collect(Collectors.toMap(r -> r.probe().name(), ProbeResult::verdict));
                assertThat(results).flatMap(ProbeResult::findings).noneMatch(f -> f.verdict() == Verdict.FAIL);
                // the probes that apply to this provider reach a verdict (CIMD is not enabled there, and there is no upstream recorder)
                assertThat(verdicts).as(verdicts.toString())
                        .containsEntry("pkce", "passed").containsEntry("resource", "passed")
                        .containsEntry("redirect", "passed").containsEntry("code-reuse", "passed")
                        .containsEntry("refresh-rotation", "passed");
                assertThat(verdicts.get("cimd")).startsWith("inconclusive");
                // its registration is open on purpose in this configuration: a warning, never a failure
                assertThat(verdicts.get("registration")).isEqualTo("WARN");
            }
        }
    }
}
