package dev.mcpworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.RunningLab;
import dev.mcpworkbench.lab.auth.Misbehaviour;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code connect --probe}, {@code --trace}, {@code --trace-file} and the client identity options, against the lab. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ConnectProbesAndTraceTest {

    private static final Pattern JWT = Pattern.compile("eyJ[\\w-]+\\.eyJ[\\w-]+\\.[\\w-]+");

    @Test
    void aProbeSaysWhatItSendsThenItsVerdictAndItsFindingJoinsTheJson() throws Exception {
        try (RunningLab lab = Lab.start(LabSpec.secure().withAuth().withAutoApprove().withMisbehaviours(Misbehaviour.REUSABLE_CODE))) {
            CliRun r = CliRun.of("connect", "--auth", "headless", "--client-id", "lab-public", "--probe", "code-reuse,pkce", "--json",
                    lab.mcpUrl().toString());

            assertThat(r.exit()).as(r.err()).isZero();
            int described = r.err().indexOf("Probe code-reuse (OAUTH-024");
            int verdict = r.err().indexOf("Probe code-reuse: FAIL");
            assertThat(described).as(r.err()).isNotNegative();
            assertThat(verdict).as("the verdict comes after the description").isGreaterThan(described);
            assertThat(r.err()).contains("Probe pkce: passed").contains("burns");
            JsonNode json = new ObjectMapper().readTree(r.out());
            assertThat(json.path("findings").findValuesAsText("ruleId")).contains("OAUTH-024");
            assertThat(json.path("probes")).hasSize(2);
            assertThat(json.path("probes").get(0).path("probe").asText()).isEqualTo("pkce");
            assertThat(json.path("probes").get(1).path("verdict").asText()).isEqualTo("FAIL");
        }
    }

    @Test
    void thePassthroughProbeUsesTheRecorderAndSaysWhenNothingArrived() {
        try (RunningLab lab = Lab.start(LabSpec.secure().withAuth().withAutoApprove())) {
            CliRun r = CliRun.of("connect", "--auth", "headless", "--client-id", "lab-public", "--probe", "passthrough",
                    "--upstream-recorder", "0", lab.mcpUrl().toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.err()).containsPattern("Upstream recorder listening at http://127\\.0\\.0\\.1:\\d+")
                    .contains("Probe passthrough: inconclusive: The server made no upstream request");
        }
    }

    @Test
    void traceLinesAsTheFlowRunsAndAHarFileWithSecretsMasked(@TempDir Path dir) throws Exception {
        Path har = dir.resolve("flow.har");
        Path revealed = dir.resolve("revealed.har");
        try (RunningLab lab = Lab.start(LabSpec.secure().withAuth().withAutoApprove())) {
            CliRun r = CliRun.of("connect", "--auth", "headless", "--client-id", "lab-public", "--trace", "--trace-file", har.toString(),
                    lab.mcpUrl().toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.err()).containsPattern("trace  Token request  POST http://127\\.0\\.0\\.1:\\d+/token -> 200 \\(\\d+ ms\\)")
                    .containsPattern("trace  Authorization request  GET http://127\\.0\\.0\\.1:\\d+/authorize\\S* -> 302");
            CliRun again = CliRun.of("connect", "--auth", "headless", "--client-id", "lab-public", "--trace-file", revealed.toString(),
                    "--reveal-secrets", lab.mcpUrl().toString());
            assertThat(again.exit()).as(again.err()).isZero();
            assertThat(again.err()).doesNotContain("trace  ");
        }
        JsonNode log = new ObjectMapper().readTree(Files.readString(har)).path("log");
        assertThat(log.path("version").asText()).isEqualTo("1.2");
        assertThat(log.path("entries").size()).isGreaterThan(4);
        assertThat(JWT.matcher(Files.readString(har)).find()).as("tokens masked").isFalse();
        assertThat(JWT.matcher(Files.readString(revealed)).find()).as("tokens revealed on request").isTrue();
    }

    @Test
    void theCallbackHostAndPathReachTheAuthorizationServer() {
        try (RunningLab lab = Lab.start(LabSpec.secure().withAuth().withAutoApprove())) {
            // lab-public is registered with http://127.0.0.1/callback: another path is refused, the default one works
            CliRun wrongPath = CliRun.of("connect", "--auth", "headless", "--client-id", "lab-public", "--callback-path", "/elsewhere",
                    lab.mcpUrl().toString());
            assertThat(wrongPath.exit()).isEqualTo(2);
            CliRun rightPath = CliRun.of("connect", "--auth", "headless", "--client-id", "lab-public", "--callback-path", "/callback",
                    "--callback-host", "127.0.0.1", "--token-auth-method", "none", "--trace", lab.mcpUrl().toString());
            assertThat(rightPath.exit()).as(rightPath.err()).isZero();
            assertThat(rightPath.err()).contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A");
        }
    }

    @Test
    void badIdentityOrProbeChoicesAreRefusedBeforeConnecting() {
        CliRun method = CliRun.of("connect", "--auth", "headless", "--token-auth-method", "tls_client_auth", "http://127.0.0.1:9/mcp");
        assertThat(method.exit()).isEqualTo(2);
        assertThat(method.err()).contains("--token-auth-method");
        CliRun host = CliRun.of("connect", "--auth", "headless", "--callback-host", "example.com", "http://127.0.0.1:9/mcp");
        assertThat(host.err()).contains("--callback-host");
        CliRun probe = CliRun.of("connect", "--probe", "everything-please", "http://127.0.0.1:9/mcp");
        assertThat(probe.exit()).isEqualTo(2);
        assertThat(probe.err()).contains("unknown probe").contains("code-reuse (OAUTH-024)");
        CliRun scan = CliRun.of("scan", "--callback-path", "/x", "--url", "http://127.0.0.1:9/mcp");
        assertThat(scan.exit()).isEqualTo(2);
    }
}
