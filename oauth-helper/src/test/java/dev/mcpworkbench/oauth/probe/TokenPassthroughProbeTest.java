package dev.mcpworkbench.oauth.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.mcpworkbench.oauth.flow.AuthorizationResult;
import dev.mcpworkbench.oauth.flow.FlowTrace;
import dev.mcpworkbench.oauth.flow.HeadlessAgent;
import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import dev.mcpworkbench.oauth.token.TokenSet;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * OAUTH-028 with a recorder as the upstream of a small MCP server on loopback that calls it on every
 * request: forwarding the client's token is found, the server's own credential is not, and without a
 * recorder (or without upstream calls) the probe concludes nothing.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TokenPassthroughProbeTest {

    private static final String TOKEN = "mcp-access-token-for-the-probe";

    private static List<ProbeResult> run(UpstreamRecorder recorder, String forward) throws Exception {
        return run(recorder, forward, "Bearer", new java.util.ArrayList<>());
    }

    /** {@code seen} collects the Authorization and DPoP headers each MCP request came with. */
    private static List<ProbeResult> run(UpstreamRecorder recorder, String forward, String tokenType, List<String> seen) throws Exception {
        HttpServer mcp = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        HttpClient upstream = HttpClient.newHttpClient();
        mcp.createContext("/mcp", ex -> {
            ex.getRequestBody().readAllBytes();
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            seen.add(auth + " | " + ex.getRequestHeaders().getFirst("DPoP"));
            if (recorder != null && forward != null) {
                String sent = forward.equals("passthrough") ? auth : "Bearer the-servers-own-upstream-credential";
                try {
                    upstream.send(HttpRequest.newBuilder(URI.create(recorder.url() + "/api")).header("Authorization", sent).build(),
                            HttpResponse.BodyHandlers.discarding());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        mcp.start();
        try {
            URI server = URI.create("http://127.0.0.1:" + mcp.getAddress().getPort() + "/mcp");
            AuthorizationResult result = new AuthorizationResult(null, null, null, server, Set.of(),
                    new TokenSet(TOKEN, tokenType, null, Set.of(), null, Instant.now()));
            ProbeContext context = new ProbeContext(server, result, RecordingHttpClient.withDefaults(), new HeadlessAgent(),
                    Duration.ofSeconds(5));
            if (tokenType.equals("DPoP")) {
                dev.mcpworkbench.oauth.dpop.DPoPProofs key = dev.mcpworkbench.oauth.dpop.DPoPProofs.generate();
                context = context.withTokenPresenter((method, uri) -> java.util.Map.of("Authorization", "DPoP " + TOKEN,
                        "DPoP", key.proof(method, uri, TOKEN)));
            }
            if (recorder != null) context = context.withUpstreamRecorder(recorder);
            return ProbeRunner.run(ActiveProbes.select("passthrough"), context, new FlowTrace(), ProbeListener.NONE);
        } finally {
            mcp.stop(0);
        }
    }

    @Test
    void aServerThatForwardsTheClientsTokenFails() throws Exception {
        try (UpstreamRecorder recorder = UpstreamRecorder.start(0)) {
            ProbeResult result = run(recorder, "passthrough").get(0);
            assertThat(result.verdict()).isEqualTo("FAIL");
            assertThat(result.findings()).extracting(f -> f.ruleId()).containsExactly("OAUTH-028");
            assertThat(result.findings().get(0).evidence()).doesNotContain(TOKEN);
        }
    }

    @Test
    void aServerThatUsesItsOwnCredentialPasses() throws Exception {
        try (UpstreamRecorder recorder = UpstreamRecorder.start(0)) {
            ProbeResult result = run(recorder, "own").get(0);
            assertThat(result.verdict()).isEqualTo("passed");
            assertThat(result.step().outputs()).containsEntry("upstream requests", "3");
        }
    }

    @Test
    void aDPoPBoundTokenIsPresentedWithItsSchemeAndAFreshProofAndItsPassthroughIsCaught() throws Exception {
        List<String> seen = new java.util.ArrayList<>();
        try (UpstreamRecorder recorder = UpstreamRecorder.start(0)) {
            ProbeResult result = run(recorder, "passthrough", "DPoP", seen).get(0);
            assertThat(result.verdict()).isEqualTo("FAIL");
        }
        assertThat(seen).hasSize(3).allMatch(h -> h.startsWith("DPoP " + TOKEN + " | ey"));
        assertThat(seen.stream().distinct()).as("a fresh proof per request").hasSize(3);
    }

    @Test
    void withoutARecorderOrUpstreamCallsNothingIsConcluded() throws Exception {
        assertThat(run(null, null).get(0).verdict()).startsWith("inconclusive: No upstream recorder");
        try (UpstreamRecorder recorder = UpstreamRecorder.start(0)) {
            assertThat(run(recorder, null).get(0).verdict()).startsWith("inconclusive: The server made no upstream request");
        }
    }
}
