package dev.mcpworkbench.oauth.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.RunningLab;
import dev.mcpworkbench.lab.auth.DPoPPolicy;
import dev.mcpworkbench.oauth.dpop.DPoPProofs;
import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import dev.mcpworkbench.oauth.registration.RegistrationStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * DPoP end to end against the lab: the flow gets a token bound to the session's key from the lab's
 * authorization server (through its nonce when demanded), and the lab's MCP server takes it only
 * with a valid proof of that key for the very request.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DPoPLabFlowTest {

    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
            + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    private final HttpClient client = HttpClient.newHttpClient();

    private static OAuthSession session(RunningLab lab, FlowTrace trace, boolean dpop) {
        FlowOptions options = new FlowOptions("lab-public", null, null, null, 0, Duration.ofSeconds(10), new HeadlessAgent(), null, 2)
                .withDPoP(dpop);
        return new OAuthSession(lab.mcpUrl(), options, new RecordingHttpClient(Duration.ofSeconds(5), 1 << 20), trace, new RegistrationStore());
    }

    private HttpResponse<String> post(URI url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").POST(HttpRequest.BodyPublishers.ofString(INITIALIZE));
        headers.forEach(b::header);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static FlowStep step(FlowTrace trace, StepKind kind) {
        return trace.steps().stream().filter(s -> s.kind() == kind).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void dpopOnAnOptionalServerBindsTheTokenAndTheServerTakesItOnlyWithAValidProof() throws Exception {
        FlowTrace trace = new FlowTrace();
        try (RunningLab lab = Lab.start(LabSpec.secure().withAuth().withAutoApprove());
             OAuthSession session = session(lab, trace, true)) {
            session.probeAndAuthorize();
            assertThat(session.current().orElseThrow().tokens().dpopBound()).isTrue();
            assertThat(session.tokenBinding()).get().asString().contains("this session's key");
            assertThat(step(trace, StepKind.AUTHENTICATED_REQUEST).outputs()).containsEntry("status", "200");
            URI mcp = lab.mcpUrl();

            Map<String, String> good = session.requestHeaders("POST", mcp);
            assertThat(good.get("Authorization")).startsWith("DPoP ");
            assertThat(post(mcp, good).statusCode()).isEqualTo(200);
            // the same proof again: its jti was used
            HttpResponse<String> replay = post(mcp, good);
            assertThat(replay.statusCode()).isEqualTo(401);
            assertThat(replay.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("DPoP ").contains("invalid_dpop_proof");

            String token = session.accessToken().orElseThrow();
            assertThat(post(mcp, Map.of("Authorization", "Bearer " + token)).statusCode()).as("a bound token sent as Bearer").isEqualTo(401);
            assertThat(post(mcp, Map.of("Authorization", "DPoP " + token)).statusCode()).as("no proof").isEqualTo(401);
            Map<String, String> wrongMethod = session.requestHeaders("GET", mcp);
            assertThat(post(mcp, wrongMethod).statusCode()).as("a proof made for GET").isEqualTo(401);
            Map<String, String> otherKey = new LinkedHashMap<>(good);
            otherKey.put("DPoP", DPoPProofs.generate().proof("POST", mcp, token));
            assertThat(post(mcp, otherKey).statusCode()).as("a proof of another key").isEqualTo(401);
        }
    }

    @Test
    void aServerThatDemandsDPoPAndNoncesGetsThemWithoutBeingAskedAndRefusesBearerTokens() throws Exception {
        FlowTrace trace = new FlowTrace();
        try (RunningLab lab = Lab.start(LabSpec.secure().withAutoApprove().withDPoP(DPoPPolicy.NONCE));
             OAuthSession session = session(lab, trace, false)) {
            session.probeAndAuthorize();
            FlowStep token = step(trace, StepKind.TOKEN_REQUEST);
            assertThat(token.notes()).anyMatch(n -> n.contains("use_dpop_nonce"));
            assertThat(token.exchanges()).hasSize(2);
            assertThat(token.outputs().get("token binding")).contains("this session's key");
            URI mcp = lab.mcpUrl();

            FlowStep authenticated = step(trace, StepKind.AUTHENTICATED_REQUEST);
            assertThat(authenticated.notes()).anyMatch(n -> n.contains("use_dpop_nonce"));
            assertThat(authenticated.outputs()).containsEntry("status", "200");
            assertThat(post(mcp, session.requestHeaders("POST", mcp)).statusCode()).as("the nonce learnt in the flow").isEqualTo(200);

            // a nonce the server no longer takes: it demands its own, the session retries once with it
            List<String> demand = List.of("DPoP error=\"use_dpop_nonce\"");
            assertThat(session.onAuthorizationError(401, demand, Optional.of("stale"))).isTrue();
            HttpResponse<String> stale = post(mcp, session.requestHeaders("POST", mcp));
            assertThat(stale.statusCode()).isEqualTo(401);
            assertThat(stale.headers().firstValue("WWW-Authenticate")).get().asString().contains("use_dpop_nonce");
            Optional<String> fresh = stale.headers().firstValue("DPoP-Nonce");
            assertThat(session.onAuthorizationError(401, stale.headers().allValues("WWW-Authenticate"), fresh)).isTrue();
            assertThat(post(mcp, session.requestHeaders("POST", mcp)).statusCode()).isEqualTo(200);
            // the same nonce demanded again: the request carried it, so no retry (no loop)
            assertThat(session.onAuthorizationError(401, stale.headers().allValues("WWW-Authenticate"), fresh)).isFalse();
            assertThat(session.lastFailure()).contains("nonce");

            String bearer = lab.authorizationServer().orElseThrow().mintAccessToken(mcp, java.util.Set.of(dev.mcpworkbench.lab.secure.SecureServer.READ_SCOPE));
            HttpResponse<String> refused = post(mcp, Map.of("Authorization", "Bearer " + bearer));
            assertThat(refused.statusCode()).as("an unbound token where DPoP is required").isEqualTo(401);
        }
    }
}
