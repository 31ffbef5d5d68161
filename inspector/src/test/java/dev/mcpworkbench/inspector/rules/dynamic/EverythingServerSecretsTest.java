package dev.mcpworkbench.inspector.rules.dynamic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpworkbench.inspector.connect.ConnectOptions;
import dev.mcpworkbench.inspector.connect.McpConnection;
import dev.mcpworkbench.inspector.connect.ServerTarget;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.Location;
import dev.mcpworkbench.inspector.rules.RuleSettings;
import dev.mcpworkbench.inspector.rules.Severity;
import dev.mcpworkbench.inspector.rules.dynamic.exercise.ExerciseOptions;
import dev.mcpworkbench.inspector.rules.dynamic.exercise.Exerciser;
import dev.mcpworkbench.inspector.rules.dynamic.exercise.ConnectionToolCaller;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real reference server, started over stdio with planted, obviously fake credentials in its
 * environment: its get-env tool echoes them, and OUTPUT-004 must report them masked.
 */
@Timeout(90)
class EverythingServerSecretsTest {

    private static final String ALNUM_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    static String fake(String prefix, String alphabet, int length, long seed) {
        Random random = new Random(seed);
        StringBuilder b = new StringBuilder(prefix);
        for (int i = 0; i < length; i++) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return b.toString();
    }

    @Test
    void getEnvLeaksThePlantedKeysAndTheFindingsMaskThem() throws Exception {
        Path bin = Path.of(System.getProperty("workbench.root", "..")).resolve(".tools/node/node_modules/.bin");
        Assumptions.assumeTrue(Files.isExecutable(bin.resolve("mcp-server-everything")), "run .ci/node-tools.sh first");
        String awsKey = fake("AKIA", ALNUM_UPPER, 16, 42);
        String githubToken = fake("ghp_", ALNUM, 36, 43);
        ServerTarget target = new ServerTarget.Stdio(bin.resolve("node").toString(),
                List.of(bin.resolve("mcp-server-everything").toString(), "stdio"),
                Map.of("PATH", bin + ":" + System.getenv("PATH"), "AWS_ACCESS_KEY_ID", awsKey, "GITHUB_TOKEN", githubToken), null);
        ConnectOptions connect = ConnectOptions.defaults().withConnectTimeout(Duration.ofSeconds(30)).withRequestTimeout(Duration.ofSeconds(30));
        try (McpConnection connection = McpConnection.open(target, connect)) {
            ExerciseOptions options = ExerciseOptions.readOnly().withCalls(List.of(
                    new ExerciseOptions.PlannedCall("get-env", new ObjectMapper().createObjectNode()),
                    new ExerciseOptions.PlannedCall("get-tiny-image", new ObjectMapper().createObjectNode())));
            Exerciser.Report report = new Exerciser(options, DynamicRuleRegistry.standard(), RuleSettings.defaults())
                    .run(new ConnectionToolCaller(connection, Duration.ofSeconds(30)), null);

            List<Finding> secrets = report.findings().stream().filter(f -> f.ruleId().equals("OUTPUT-004")).toList();
            assertThat(secrets).extracting(Finding::severity).containsOnly(Severity.CRITICAL);
            assertThat(secrets).extracting(Finding::evidence).contains(awsKey.substring(0, 4) + "*".repeat(16));
            assertThat(secrets).extracting(f -> f.location().jsonPointer())
                    .contains("/content/0/text/AWS_ACCESS_KEY_ID", "/content/0/text/GITHUB_TOKEN");
            assertThat(secrets).allSatisfy(f -> assertThat(f.location().kind()).isEqualTo(Location.Kind.TOOL_RESULT));
            for (Finding f : report.findings()) {
                assertThat(f.message() + f.evidence()).doesNotContain(awsKey).doesNotContain(githubToken);
            }
            assertThat(report.exchanges().get(1).result().blocks())
                    .anySatisfy(b -> assertThat(b.detectedFormat()).isEqualTo("png"));
            assertThat(report.findings()).noneMatch(f -> f.ruleId().equals("DRIFT-002"));
        }
    }
}
