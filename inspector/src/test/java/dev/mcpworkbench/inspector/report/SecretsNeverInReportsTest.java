package dev.mcpworkbench.inspector.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.payload.PayloadParser;
import dev.mcpworkbench.inspector.payload.scan.SecretKind;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.RuleSettings;
import dev.mcpworkbench.inspector.rules.ScanContext;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.catalog.StaticRules;
import dev.mcpworkbench.inspector.rules.config.ClientConfigImporter;
import dev.mcpworkbench.inspector.rules.config.ConfigScanner;
import dev.mcpworkbench.inspector.rules.dynamic.DynamicRuleRegistry;
import dev.mcpworkbench.inspector.rules.dynamic.DynamicScan;
import dev.mcpworkbench.inspector.rules.dynamic.SessionEvidence;
import dev.mcpworkbench.inspector.rules.dynamic.ToolExchange;
import dev.mcpworkbench.inspector.rules.dynamic.exercise.Exerciser;
import dev.mcpworkbench.inspector.rules.suppress.Suppressions;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import dev.mcpworkbench.inspector.traffic.SecretMasker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A hostile server plants a credential of every kind the masker and the OUTPUT-004 scanner know
 * into its tool results, errors, stderr, descriptions, list errors and client config; no report
 * format may carry any of them in clear.
 */
class SecretsNeverInReportsTest {

    private static final ObjectMapper M = new ObjectMapper();

    /** Each secret with the clear part a report must never show (what follows a kept prefix). */
    static final Map<String, String> SECRETS = new LinkedHashMap<>();

    static {
        SECRETS.put("aws", "AKIA" + "Q7ZW3XK2M9PL4RT8");
        SECRETS.put("github", "ghp_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z05");
        SECRETS.put("github-pat", "github_pat_" + "11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGH");
        SECRETS.put("slack", "xoxb-" + "123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx");
        SECRETS.put("jwt", "eyJhbGciOiJIUzI1NiJ9" + ".eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJvd25lciJ9" + ".Xq3tZp9LmK2vB7nW4sD8fG1hJ6kR0yU5");
        SECRETS.put("openai", "sk-proj-" + "Zx81Lq0Wm2Nv4Bc6Xa9Sd3Fg5Hj7Kl1Pq3Ow5Ie");
        SECRETS.put("anthropic", "sk-ant-api03-" + "Qw1Er2Ty3Ui4Op5As6Df7Gh8Jk9Lz0Xc1Vb2Nm3Qw4Er5");
        SECRETS.put("stripe", "sk_live_" + "51HxYzAbCdEfGhIjKlMnOpQr");
        SECRETS.put("gcp", "AIza" + "SyD3xK9mP2qR7sT1uV5wX8yZ0aB4cE6fG7h");
        SECRETS.put("npm", "npm_" + "Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2");
        SECRETS.put("private-key-body", "MIIEowIBAAKCAQEAx7Tq9vLk3mZp2Rw8Yf4Hs6Jd1Nc5Ba0Ge");
        SECRETS.put("generic", "Zq8xV2mK9pL4wR7t");
        SECRETS.put("db-password", "Pg5ecretPassw0rd");
        SECRETS.put("bearer", "mF9qT2vL8xK4pZ7rW3nB");
        SECRETS.put("url-param", "Kx7Qm2Pz9Lw4Rt8V");
        SECRETS.put("json-field", "CorrectHorseBatteryStaple42");
    }

    /** Text that carries every secret, each in the shape a server would send it. */
    static String hostileText() {
        return String.join("\n",
                "aws key " + SECRETS.get("aws"),
                "token " + SECRETS.get("github") + " and " + SECRETS.get("github-pat"),
                "slack " + SECRETS.get("slack"),
                "session " + SECRETS.get("jwt"),
                "openai " + SECRETS.get("openai") + " anthropic " + SECRETS.get("anthropic"),
                "stripe " + SECRETS.get("stripe") + " gcp " + SECRETS.get("gcp") + " npm " + SECRETS.get("npm"),
                "-----BEGIN RSA PRIVATE KEY-----\n" + SECRETS.get("private-key-body") + "\n-----END RSA PRIVATE KEY-----",
                "config: api_key=" + SECRETS.get("generic"),
                "db postgresql://app:" + SECRETS.get("db-password") + "@db.internal:5432/app",
                "Authorization: Bearer " + SECRETS.get("bearer"),
                "callback https://hooks.example.test/in?api_key=" + SECRETS.get("url-param") + "&x=1",
                "{\"password\":\"" + SECRETS.get("json-field") + "\"}",
                "Traceback (most recent call last): at /home/app/server.py");
    }

    @Test
    void theTestCoversEveryCredentialKindOfTheScanner() {
        Set<SecretKind> planted = EnumSet.noneOf(SecretKind.class);
        new dev.mcpworkbench.inspector.payload.scan.SecretScanner(3.5, 16).scan(hostileText()).forEach(m -> planted.add(m.kind()));
        Set<SecretKind> all = Arrays.stream(SecretKind.values()).filter(SecretKind::isSecret)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SecretKind.class)));
        assertThat(planted).containsAll(all);
    }

    @Test
    void noReportFormatShowsAPlantedSecret() throws Exception {
        ScanResult result = scanOfHostileServer();
        assertThat(result.findings()).extracting(Finding::ruleId).contains("OUTPUT-004", "OUTPUT-006", "CONFIG-001", "TRANSPORT-001");
        assertThat(result.errors()).isNotEmpty();
        for (ReportFormat format : ReportFormat.values()) {
            String report = Reports.render(result, format, "test");
            assertNoClearSecret(format.name(), report);
        }
    }

    @Test
    void snapshotListErrorsAndTrafficExportsKeepNoPlantedSecret() throws Exception {
        // the tool definitions of a snapshot are the server's own published surface, kept as received
        // (pins hash them); what the workbench adds to a snapshot, its list errors, is masked
        ServerSnapshot snapshot = new ServerSnapshot(hostileText(), M.createObjectNode(), List.of(), List.of(), List.of(), List.of(),
                List.of("prompts/list failed: " + hostileText()));
        assertNoClearSecret("snapshot", SnapshotJson.toJsonString(snapshot));
        assertNoClearSecret("traffic", SecretMasker.MASKING.text("{\"result\":" + M.writeValueAsString(hostileText()) + "}"));
    }

    private static void assertNoClearSecret(String where, String text) {
        for (Map.Entry<String, String> e : SECRETS.entrySet()) {
            String value = e.getValue();
            // the part after a kept prefix, so Markdown's or JSON's escaping of a prefix cannot hide a leak
            String clear = value.substring(value.length() - 12);
            assertThat(text).as(where + " shows the planted " + e.getKey()).doesNotContain(clear);
        }
    }

    static ScanResult scanOfHostileServer() throws Exception {
        String hostile = hostileText();
        ServerSnapshot snapshot = snapshot(List.of("resources/list failed: " + hostile));
        ScanResult staticResult = StaticRules.scan(snapshot, ScanContext.defaults());
        JsonNode tool = snapshot.tools().get(0);
        String result = "{\"content\":[{\"type\":\"text\",\"text\":" + M.writeValueAsString(hostile) + "}]}";
        List<ToolExchange> exchanges = List.of(
                ToolExchange.ofResult("leak", tool, M.readTree("{}"),
                        PayloadParser.defaults().parse(result.getBytes(StandardCharsets.UTF_8))),
                new ToolExchange("leak", tool, M.readTree("{}"), null, new ToolExchange.RpcError(-32000, hostile, hostile),
                        hostile, Duration.ZERO, null));
        List<Finding> dynamic = new ArrayList<>();
        for (ToolExchange ex : exchanges) dynamic.addAll(DynamicRuleRegistry.standard().check(ex, RuleSettings.defaults()));
        ScanResult merged = DynamicScan.merge(staticResult,
                new Exerciser.Report(exchanges, dynamic, SessionEvidence.empty(), List.of("call failed: " + hostile)), Suppressions.none());
        String config = "{\"mcpServers\":{"
                + "\"db\":{\"command\":\"npx\",\"args\":[\"-y\",\"db-mcp@1.0.0\"],\"env\":{\"DATABASE_URL\":\"postgresql://app:"
                + SECRETS.get("db-password") + "@db.internal:5432/app\",\"GITHUB_TOKEN\":\"" + SECRETS.get("github") + "\"}},"
                + "\"remote\":{\"url\":\"http://mcp.example.test/mcp?api_key=" + SECRETS.get("url-param") + "\","
                + "\"headers\":{\"Authorization\":\"Bearer " + SECRETS.get("bearer") + "\"}}}}";
        List<ScanResult> configResults = ConfigScanner.scan(ClientConfigImporter.importJson(config, "mcp.json"), ScanContext.defaults());
        List<ScanResult> all = new ArrayList<>(configResults);
        all.add(0, merged);
        return ScanResult.combine("hostile", all);
    }

    static ServerSnapshot snapshot(List<String> listErrors) throws Exception {
        ObjectNode init = (ObjectNode) M.readTree("{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{\"tools\":{}},"
                + "\"serverInfo\":{\"name\":\"hostile\",\"version\":\"1\"},\"instructions\":" + M.writeValueAsString(hostileText()) + "}");
        JsonNode tool = M.readTree("{\"name\":\"leak\",\"description\":" + M.writeValueAsString(hostileText())
                + ",\"inputSchema\":{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\",\"default\":"
                + M.writeValueAsString(hostileText()) + "}}}}");
        return new ServerSnapshot("hostile", init, List.of(tool), List.of(), List.of(), List.of(), listErrors);
    }
}
