package dev.mcpworkbench.app.cli;

import static dev.mcpworkbench.app.cli.ScanCommandTest.corpus;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan --rule-setting / --rule-settings} and {@code scan --config FILE --connect}. */
class ScanRuleSettingsAndWorkspaceTest {

    @Test
    void ruleSettingsFromTheCommandLineAndAFileChangeTheScan(@TempDir Path dir) throws Exception {
        String memory = corpus("memory.json").toString();
        Run defaults = run("scan", "--snapshot", memory, "--format", "json", "--fail-on", "critical");
        assertThat(defaults.out()).doesNotContain("\"ruleId\" : \"SURFACE-001\"");

        Run lowered = run("scan", "--snapshot", memory, "--format", "json", "--fail-on", "critical",
                "--rule-setting", "SURFACE-001.medium=5", "--rule-setting", "SURFACE-001.high=6");
        assertThat(lowered.exit()).as(lowered.err()).isZero();
        assertThat(lowered.out()).contains("\"ruleId\" : \"SURFACE-001\"", "threshold 6");

        Path file = dir.resolve("thresholds.json");
        Files.writeString(file, "{\"SURFACE-001\": {\"medium\": 5, \"high\": 6}}");
        Run fromFile = run("scan", "--snapshot", memory, "--format", "json", "--fail-on", "critical", "--rule-settings", file.toString());
        assertThat(fromFile.out()).contains("threshold 6");
        // the command line wins over the file
        Run both = run("scan", "--snapshot", memory, "--format", "json", "--fail-on", "critical", "--rule-settings", file.toString(),
                "--rule-setting", "SURFACE-001.high=100");
        assertThat(both.out()).contains("threshold 5");
    }

    @Test
    void anUnknownRuleOrKeyIsAUsageErrorOnOneLine() {
        Run key = run("scan", "--snapshot", corpus("memory.json").toString(), "--rule-setting", "SURFACE-001.mediun=5");
        assertThat(key.exit()).isEqualTo(2);
        assertThat(key.err().strip()).isEqualTo("mcp-workbench: unknown rule setting 'SURFACE-001.mediun'; "
                + "valid keys for SURFACE-001: SURFACE-001.medium, SURFACE-001.high");
        Run rule = run("scan", "--snapshot", corpus("memory.json").toString(), "--rule-setting", "SURFACE-042.x=5");
        assertThat(rule.exit()).isEqualTo(2);
        assertThat(rule.err().strip()).startsWith("mcp-workbench: unknown rule setting 'SURFACE-042.x'").doesNotContain("\n");
    }

    @Test
    void aConfigsServersAreJudgedTogetherWithConnect(@TempDir Path dir) throws Exception {
        try (RunningLab one = Lab.start(LabSpec.flawed()); RunningLab two = Lab.start(LabSpec.flawed())) {
            Path config = dir.resolve("mcp.json");
            Files.writeString(config, "{\"mcpServers\": {\"notes\": {\"url\": \"" + one.mcpUrl() + "\"}, "
                    + "\"notes-copy\": {\"url\": \"" + two.mcpUrl() + "\"}}}");

            Run alone = run("scan", "--config", config.toString(), "--format", "json", "--fail-on", "critical");
            assertThat(alone.out()).doesNotContain("has the same name as");

            Run together = run("scan", "--config", config.toString(), "--connect", "--format", "json", "--fail-on", "critical");
            assertThat(together.exit()).as(together.err()).isEqualTo(1);
            JsonNode report = new ObjectMapper().readTree(together.out());
            assertThat(report.path("summary").path("toolCount").asInt()).isGreaterThan(6);
            // each copy shadows the other's tools: only visible when the servers are scanned as one workspace
            assertThat(report.path("findings").findValuesAsText("message"))
                    .anyMatch(m -> m.contains("has the same name as"));
        }
        assertThat(run("scan", "--snapshot", corpus("memory.json").toString(), "--connect").exit()).isEqualTo(2);
    }
}
