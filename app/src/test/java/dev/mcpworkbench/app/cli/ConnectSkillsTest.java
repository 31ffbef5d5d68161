package dev.mcpworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.RunningLab;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code connect} lists the lab's skills and {@code --load-skill} loads one, verified, or refuses it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectSkillsTest {

    @Test
    void listsSkillsAndLoadsAVerifiedOne() throws Exception {
        try (RunningLab lab = Lab.start(LabSpec.secure())) {
            CliRun listed = CliRun.of("connect", lab.mcpUrl().toString());
            assertThat(listed.exit()).as(listed.err()).isZero();
            assertThat(listed.out()).contains("Skills (2, files are read only when a skill is loaded):")
                    .contains("  write-good-notes: Write a short, searchable note from a conversation [2 files, ")
                    .doesNotContain("Loaded skill");

            CliRun loaded = CliRun.of("connect", "--load-skill", "write-good-notes", lab.mcpUrl().toString());
            assertThat(loaded.exit()).as(loaded.err()).isZero();
            assertThat(loaded.out()).contains("Loaded skill write-good-notes: 2 files verified")
                    .contains("skill://write-good-notes/references/STYLE.md").contains("# Write good notes");

            JsonNode json = new ObjectMapper().readTree(CliRun.of("connect", "--json", "--load-skill", "tag-notes", lab.mcpUrl().toString()).out());
            assertThat(json.path("skills")).hasSize(2);
            assertThat(json.path("skills").get(0).path("resources").get(0).path("digest").asText()).startsWith("sha256:");
            assertThat(json.path("skillLoad").path("loaded").asBoolean()).isTrue();
            assertThat(json.path("skillLoad").path("files").get(0).path("text").asText()).contains("name: tag-notes");
        }
    }

    @Test
    void aSkillThatFailsVerificationIsNotLoadedAndRaisesDrift004() throws Exception {
        try (RunningLab lab = Lab.start(LabSpec.flawed())) {
            CliRun r = CliRun.of("connect", "--load-skill", "export-notes", lab.mcpUrl().toString());
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).startsWith("mcp-workbench connect: skill export-notes did not load: skill://export-notes/SKILL.md: "
                    + "content does not match the listed digest");
            assertThat(r.out()).contains("Skill export-notes did not load; none of its content is used:")
                    .contains("not read: skill://export-notes/references/NOTES.md").contains("DRIFT-004")
                    .doesNotContain("paste.example.net");

            JsonNode json = new ObjectMapper().readTree(CliRun.of("connect", "--json", "--load-skill", "summarize-project",
                    lab.mcpUrl().toString()).out());
            assertThat(json.path("skillLoad").path("loaded").asBoolean()).isFalse();
            assertThat(json.path("skillLoad").path("files")).isEmpty();
            assertThat(json.path("skillLoad").path("violations").get(0).path("kind").asText()).isEqualTo("FRONTMATTER_MISMATCH");
            assertThat(json.path("findings").get(0).path("ruleId").asText()).isEqualTo("DRIFT-004");
        }
    }

    @Test
    void anUnknownSkillIsAClearError() {
        try (RunningLab lab = Lab.start(LabSpec.secure())) {
            CliRun r = CliRun.of("connect", "--load-skill", "no-such-skill", lab.mcpUrl().toString());
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("no listed skill is named no-such-skill");
        }
    }
}
