package dev.mcpworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.mcpworkbench.inspector.connect.ServerTarget;
import dev.mcpworkbench.inspector.profile.ConnectionProfile;
import dev.mcpworkbench.inspector.profile.ProfileAnalysisState;
import dev.mcpworkbench.inspector.profile.ProfileStore;
import dev.mcpworkbench.inspector.rules.suppress.Suppression;
import dev.mcpworkbench.inspector.rules.suppress.Suppressions;
import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.RunningLab;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The scan subcommand end to end, through the same entry point as the launcher. */
@Timeout(60)
class ScanCommandTest {

    record Run(int exit, String out, String err) {
    }

    static Path corpus(String name) {
        return Path.of(System.getProperty("workbench.root", "..")).resolve("inspector/src/test/resources/corpus").resolve(name);
    }

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = WorkbenchCli.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void sarifToStdoutAndExitCodeFollowsFailOn() throws Exception {
        Run high = run("scan", "--snapshot", corpus("memory.json").toString());
        assertThat(high.exit()).isZero(); // memory has medium and low findings only
        JsonNode sarif = new ObjectMapper().readTree(high.out());
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        assertThat(high.err().strip()).isEqualTo("mcp-workbench: 14 medium, 17 low findings on memory-server (9 tools)");

        Run medium = run("scan", "--snapshot", corpus("memory.json").toString(), "--fail-on", "medium");
        assertThat(medium.exit()).isEqualTo(1);
    }

    @Test
    void writesEachFormatToAFile(@TempDir Path dir) throws Exception {
        for (String format : new String[] {"json", "markdown", "html", "sarif"}) {
            Path file = dir.resolve("report." + format);
            Run r = run("scan", "--snapshot", corpus("filesystem.json").toString(), "--format", format, "-o", file.toString(), "--fail-on", "critical");
            assertThat(r.exit()).isZero();
            assertThat(r.out()).isEmpty();
            assertThat(Files.readString(file)).isNotBlank();
        }
        assertThat(Files.readString(dir.resolve("report.html"))).startsWith("<!DOCTYPE html>");
    }

    @Test
    void pinThenCompareWithBaseline(@TempDir Path dir) throws Exception {
        Path pin = dir.resolve("pin.json");
        assertThat(run("scan", "--snapshot", corpus("seqthink.json").toString(), "--pin", pin.toString(), "-o", dir.resolve("a.sarif").toString()).exit()).isZero();
        String changed = Files.readString(corpus("seqthink.json")).replace("A detailed tool for dynamic", "A detailed <IMPORTANT>tool</IMPORTANT> for dynamic");
        Path snap = dir.resolve("changed.json");
        Files.writeString(snap, changed);
        Run r = run("scan", "--snapshot", snap.toString(), "--baseline", pin.toString(), "--format", "json", "--fail-on", "high");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("DRIFT-001");
    }

    @Test
    void clientConfig(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("claude_desktop_config.json");
        Files.writeString(config, "{\"mcpServers\":{\"gh\":{\"command\":\"npx\",\"args\":[\"-y\",\"@github/mcp\"],\"env\":{\"GITHUB_TOKEN\":\"ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5\"}}}}");
        Run r = run("scan", "--config", config.toString(), "--format", "json");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("CONFIG-001", "DRIFT-003").doesNotContain("aB3dE5fG7hJ9");
    }

    @Test
    void usageAndInputErrorsExitTwoWithOneLine(@TempDir Path dir) throws Exception {
        Run missing = run("scan", "--snapshot", dir.resolve("nope.json").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().strip()).startsWith("mcp-workbench: no such file").doesNotContain("Exception");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "[1,2,3]");
        Run malformed = run("scan", "--snapshot", bad.toString());
        assertThat(malformed.exit()).isEqualTo(2);
        assertThat(malformed.err()).contains("Not a server snapshot").doesNotContain("\tat ");
        assertThat(run("scan", "--snapshot", corpus("memory.json").toString(), "--format", "pdf").exit()).isEqualTo(2);
        assertThat(run("scan", "--snapshot", corpus("memory.json").toString(), "--fail-on", "info").exit()).isEqualTo(2);
        assertThat(run("scan").exit()).isEqualTo(2);
        Run url = run("scan", "--url", "http://127.0.0.1:9/mcp", "--timeout", "5");
        assertThat(url.exit()).isEqualTo(2);
        assertThat(url.err()).startsWith("mcp-workbench: ").doesNotContain("\tat ");
    }

    @Test
    void scansALiveServerOverStdio() throws Exception {
        Path bin = Path.of(System.getProperty("workbench.root", "..")).resolve(".tools/node/node_modules/.bin");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(bin.resolve("mcp-server-everything")), "node tools not installed");
        String command = bin.resolve("node") + " " + bin.resolve("mcp-server-everything").toRealPath() + " stdio";
        Run r = run("scan", "--stdio", command, "--format", "json", "--fail-on", "critical", "--timeout", "30");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("summary").path("toolCount").asInt()).isGreaterThan(5);
        assertThat(r.out()).contains("SCHEMA-005", "gzip-file-as-resource");
        assertThat(r.err()).contains("findings on mcp-servers/everything");
    }

    @Test
    void aSavedConnectionBringsItsServerAndItsSuppressions(@TempDir Path dir) throws Exception {
        try (RunningLab lab = Lab.start(LabSpec.flawed())) {
            ProfileStore store = new ProfileStore(dir);
            store.put(ConnectionProfile.of("flawed lab", new ServerTarget.StreamableHttp(lab.mcpUrl(), Map.of())));

            Run first = run("scan", "--profile", "flawed lab", "--config-dir", dir.toString(), "--format", "json", "--fail-on", "critical");
            JsonNode report = new ObjectMapper().readTree(first.out());
            assertThat(report.path("summary").path("toolCount").asInt()).as(first.err()).isGreaterThan(3);
            JsonNode chosen = report.path("findings").get(0);
            String fingerprint = chosen.path("fingerprint").asText();

            Suppression accepted = new Suppression(fingerprint, chosen.path("ruleId").asText(), "accepted in the lab", "2026-11-24T00:00:00Z");
            ConnectionProfile saved = store.find("flawed lab").orElseThrow();
            store.put(ProfileAnalysisState.withSuppressions(saved, Suppressions.none().with(accepted)));

            Run second = run("scan", "--profile", "flawed lab", "--config-dir", dir.toString(), "--format", "json", "--fail-on", "critical");
            JsonNode again = new ObjectMapper().readTree(second.out());
            assertThat(again.path("summary").path("suppressed").asInt()).isEqualTo(1);
            assertThat(again.path("suppressed").get(0).path("suppression").path("reason").asText()).isEqualTo("accepted in the lab");
            assertThat(again.path("findings").findValuesAsText("fingerprint")).doesNotContain(fingerprint);
        }
        Run missing = run("scan", "--profile", "nope", "--config-dir", dir.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().strip()).startsWith("mcp-workbench: no saved connection named 'nope'").doesNotContain("\tat ");
    }

    @Test
    void aProtectedServerIsScannedAfterAuthorizingAndTheFlowsFindingsJoinTheReport(@TempDir Path dir) throws Exception {
        // token responses without Cache-Control: no-store: a finding only the authorization flow can make
        try (RunningLab lab = Lab.start(LabSpec.flawed().withAuth().withAutoApprove()
                .withMisbehaviours(dev.mcpworkbench.lab.auth.Misbehaviour.NO_STORE_MISSING))) {
            Path report = dir.resolve("report.sarif");
            Run r = run("scan", "--url", lab.mcpUrl().toString(), "--auth", "headless", "--serve-client-metadata", "--format", "sarif",
                    "--fail-on", "critical", "-o", report.toString());

            assertThat(r.exit()).as(r.err()).isIn(0, 1);
            JsonNode results = new ObjectMapper().readTree(report.toFile()).path("runs").path(0).path("results");
            assertThat(results).extracting(f -> f.path("ruleId").asText()).contains("OAUTH-025")
                    .anyMatch(id -> !id.startsWith("OAUTH-"));
            assertThat(results).filteredOn(f -> f.path("ruleId").asText().startsWith("OAUTH-"))
                    .allSatisfy(f -> assertThat(f.path("properties").path("locationKind").asText()).isEqualTo("authorization"));
        }
    }

    @Test
    void withoutAuthAProtectedServerIsAnErrorAndClientOptionsNeedAuth() {
        try (RunningLab lab = Lab.start(LabSpec.secure().withAuth().withAutoApprove())) {
            Run refused = run("scan", "--url", lab.mcpUrl().toString());
            assertThat(refused.exit()).isEqualTo(2);
            assertThat(refused.err()).contains("requires authorization (HTTP 401)");

            Run orphan = run("scan", "--url", lab.mcpUrl().toString(), "--client-id", "x");
            assertThat(orphan.exit()).isEqualTo(2);
            assertThat(orphan.err()).contains("need --auth");
        }
    }
}
