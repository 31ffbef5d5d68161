package dev.mcpworkbench.app.cli;

import static dev.mcpworkbench.app.cli.ScanCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpworkbench.app.cli.ScanCommandTest.Run;
import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.RunningLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan --config FILE --config FILE} and {@code scan --discover [--home DIR] [--connect]}: several clients, one report. */
@Timeout(120)
class ScanConfigsAndDiscoverTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "ghp_" + "abcdefghijklmnopqrstuvwxyz0123456789";

    private static List<String> names(JsonNode report) {
        List<String> names = new ArrayList<>();
        report.path("findings").forEach(f -> names.add(f.path("ruleId").asText() + " " + f.path("location").path("name").asText()));
        return names;
    }

    /** A stdio entry that would leave a file behind if it were ever launched. */
    private static String tripwire(Path marker) {
        return "{\"command\": \"sh\", \"args\": [\"-c\", \"touch '" + marker + "'\"], \"env\": {\"GITHUB_TOKEN\": \"" + TOKEN + "\"}}";
    }

    @Test
    void twoClientsConfigsGiveOneReportWithEachServerUnderItsFile(@TempDir Path dir) throws Exception {
        try (RunningLab one = Lab.start(LabSpec.flawed()); RunningLab two = Lab.start(LabSpec.flawed())) {
            Path claude = dir.resolve("claude_desktop_config.json");
            Files.writeString(claude, "{\"mcpServers\": {\"notes\": {\"url\": \"" + one.mcpUrl() + "\"},"
                    // a launcher that is not installed: checked like npx, and unreachable with --connect
                    + " \"gh\": {\"command\": \"/nonexistent/npx\", \"args\": [\"-y\", \"@modelcontextprotocol/server-github\"],"
                    + " \"env\": {\"GITHUB_PERSONAL_ACCESS_TOKEN\": \"" + TOKEN + "\"}}}}");
            Path vscode = dir.resolve("mcp.json");
            Files.writeString(vscode, "{\"servers\": {\"notes\": {\"type\": \"http\", \"url\": \"" + two.mcpUrl() + "\"}}}");

            Run checked = run("scan", "--config", claude.toString(), "--config", vscode.toString(), "--format", "json", "--fail-on", "critical");
            assertThat(checked.exit()).as(checked.err()).isZero();
            JsonNode report = JSON.readTree(checked.out());
            assertThat(report.path("summary").path("server").asText()).isEqualTo("2 client configurations");
            assertThat(names(report)).contains("CONFIG-001 claude_desktop_config.json/gh", "DRIFT-003 claude_desktop_config.json/gh");
            assertThat(report.path("summary").path("toolCount").asInt()).isZero(); // nothing was connected
            assertThat(checked.out()).doesNotContain(TOKEN);

            Run connected = run("scan", "--config", claude.toString(), "--config", vscode.toString(), "--connect", "--format", "json",
                    "--fail-on", "critical");
            JsonNode together = JSON.readTree(connected.out());
            // both lab servers were reached and judged together: each copy shadows the other's tools
            assertThat(together.path("summary").path("toolCount").asInt()).isGreaterThan(6);
            assertThat(together.path("findings").findValuesAsText("message")).anyMatch(m -> m.contains("has the same name as"));
            // the gh entry cannot start: listed under errors with its client, the others still judged
            assertThat(together.path("errors").toString()).contains("claude_desktop_config.json/gh");

            Run sarif = run("scan", "--config", claude.toString(), "--config", vscode.toString(), "--fail-on", "critical");
            JsonNode log = JSON.readTree(sarif.out());
            assertThat(log.path("version").asText()).isEqualTo("2.1.0");
            assertThat(log.path("runs").get(0).path("results")).isNotEmpty().allSatisfy(r ->
                    assertThat(r.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText()).isNotBlank());
        }
    }

    @Test
    void aConfigThatCannotBeReadIsListedAndTheOthersStillChecked(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.json");
        Files.writeString(good, "{\"mcpServers\": {\"web\": {\"url\": \"http://example.com/mcp\"}}}");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{not json");
        Run r = run("scan", "--config", good.toString(), "--config", bad.toString(), "--format", "json", "--fail-on", "critical");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode report = JSON.readTree(r.out());
        assertThat(names(report)).contains("TRANSPORT-001 http://example.com/mcp");
        assertThat(report.path("errors").toString()).contains("bad.json").contains("invalid JSON");
        assertThat(run("scan", "--config", bad.toString(), "--config", dir.resolve("missing.json").toString()).exit()).isEqualTo(2);
    }

    @Test
    void discoverListsTheUsualConfigsAndConnectsOnlyWhenAsked(@TempDir Path dir) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path marker = dir.resolve("launched");
        try (RunningLab lab = Lab.start(LabSpec.flawed())) {
            Files.createDirectories(home.resolve(".cursor"));
            Files.writeString(home.resolve(".cursor/mcp.json"), "{\"mcpServers\": {\"notes\": {\"url\": \"" + lab.mcpUrl() + "\"}}}");
            Files.createDirectories(home.resolve(".codeium/windsurf"));
            Files.writeString(home.resolve(".codeium/windsurf/mcp_config.json"), "{\"mcpServers\": {\"tripwire\": " + tripwire(marker) + "}}");
            Files.writeString(home.resolve(".claude.json"), "{\"numStartups\": 3}"); // Claude Code's file, no user-level servers

            Run listed = run("scan", "--discover", "--home", home.toString(), "--format", "json", "--fail-on", "critical");
            assertThat(listed.exit()).as(listed.err()).isZero();
            assertThat(listed.err()).contains("found Cursor: " + home.resolve(".cursor/mcp.json") + " (1 server)")
                    .contains("found Windsurf: ").contains("found Claude Code: ").contains("no servers");
            JsonNode report = JSON.readTree(listed.out());
            assertThat(names(report)).contains("CONFIG-001 Windsurf/tripwire");
            assertThat(report.path("summary").path("toolCount").asInt()).isZero();
            assertThat(marker).doesNotExist();

            Run connected = run("scan", "--discover", "--home", home.toString(), "--connect", "--format", "json", "--fail-on", "critical");
            assertThat(JSON.readTree(connected.out()).path("summary").path("toolCount").asInt()).isPositive();
        }
    }

    @Test
    void discoverWithNothingToFindSaysWhereItLooked(@TempDir Path home) {
        Run r = run("scan", "--discover", "--home", home.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no client configuration found").contains(home.resolve(".cursor/mcp.json").toString());
        assertThat(run("scan", "--snapshot", home.toString(), "--home", home.toString()).exit()).isEqualTo(2);
    }
}
