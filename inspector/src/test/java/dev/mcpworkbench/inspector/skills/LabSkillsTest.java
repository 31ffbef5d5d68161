package dev.mcpworkbench.inspector.skills;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.inspector.connect.ConnectOptions;
import dev.mcpworkbench.inspector.connect.McpConnection;
import dev.mcpworkbench.inspector.connect.ServerTarget;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.Location;
import dev.mcpworkbench.inspector.rules.skills.SkillRules;
import dev.mcpworkbench.inspector.traffic.EntryKind;
import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.RunningLab;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The skills client against the lab over loopback HTTP: listing reads no skill file; the secure
 * twin's skills load; each of the flawed server's fails its one check, before any supporting file
 * is read, and raises DRIFT-004.
 */
@Timeout(60)
class LabSkillsTest {

    private static McpConnection open(RunningLab lab) throws Exception {
        return McpConnection.open(new ServerTarget.StreamableHttp(lab.mcpUrl(), Map.of()),
                ConnectOptions.defaults().withConnectTimeout(Duration.ofSeconds(20)).withRequestTimeout(Duration.ofSeconds(20)));
    }

    private static List<String> reads(McpConnection connection) {
        return connection.traffic().entries().stream()
                .filter(e -> e.kind() == EntryKind.REQUEST && e.method().equals("resources/read"))
                .map(e -> e.text().replaceAll(".*\"uri\"\\s*:\\s*\"([^\"]*)\".*", "$1")).toList();
    }

    @Test
    void listingReadsNoSkillFile() throws Exception {
        try (RunningLab lab = Lab.start(LabSpec.secure()); McpConnection connection = open(lab)) {
            SkillsClient skills = new SkillsClient(connection);
            assertThat(skills.advertised()).isTrue();
            List<SkillEntry> listed = skills.list();
            assertThat(listed).extracting(SkillEntry::name).containsExactly("write-good-notes", "tag-notes");
            assertThat(listed.get(0).files()).hasSize(2);
            assertThat(listed.get(0).description()).isEqualTo("Write a short, searchable note from a conversation");
            assertThat(reads(connection)).isEmpty();
        }
    }

    @Test
    void theSecureTwinsSkillsLoadVerified() throws Exception {
        try (RunningLab lab = Lab.start(LabSpec.secure()); McpConnection connection = open(lab)) {
            SkillsClient skills = new SkillsClient(connection);
            SkillLoad load = skills.load(SkillsClient.find(skills.list(), "write-good-notes").orElseThrow());
            assertThat(load.violations()).isEmpty();
            assertThat(load.loaded()).isTrue();
            assertThat(load.usableFiles()).extracting(VerifiedFile::uri)
                    .containsExactly("skill://write-good-notes/SKILL.md", "skill://write-good-notes/references/STYLE.md");
            assertThat(load.files().get(0).text()).contains("# Write good notes");
            assertThat(SkillRules.fileMismatch().check(load)).isEmpty();
        }
    }

    @Test
    void aTamperedBodyFailsOnItsDigestAlone() throws Exception {
        SkillLoad load = loadFlawed("export-notes");
        assertThat(load.violations()).extracting(SkillViolation::kind).containsExactly(SkillViolation.Kind.DIGEST_MISMATCH);
        assertThat(load.violations().get(0).actual()).startsWith("sha256:").isNotEqualTo(load.violations().get(0).expected());
    }

    @Test
    void aFileLongerThanListedFailsOnItsSize() throws Exception {
        SkillLoad load = loadFlawed("triage-tickets");
        assertThat(load.violations()).extracting(SkillViolation::kind).contains(SkillViolation.Kind.SIZE_MISMATCH);
        assertThat(load.violations().get(0).message()).contains("byte length differs from the listed size");
    }

    @Test
    void otherFrontMatterFailsThoughDigestAndSizeMatch() throws Exception {
        SkillLoad load = loadFlawed("summarize-project");
        assertThat(load.violations()).extracting(SkillViolation::kind).containsExactly(SkillViolation.Kind.FRONTMATTER_MISMATCH);
        assertThat(load.violations().get(0).actual()).contains("description:").contains("mail it to the whole company");
    }

    /** Loads one of the flawed server's skills and checks what every failure shares. */
    private static SkillLoad loadFlawed(String name) throws Exception {
        try (RunningLab lab = Lab.start(LabSpec.flawed()); McpConnection connection = open(lab)) {
            SkillsClient skills = new SkillsClient(connection);
            SkillLoad load = skills.load(SkillsClient.find(skills.list(), name).orElseThrow());
            String skillMd = "skill://" + name + "/SKILL.md";
            assertThat(load.loaded()).isFalse();
            assertThat(load.usableFiles()).isEmpty();
            assertThat(load.notRead()).containsExactly("skill://" + name + "/references/NOTES.md");
            // the supporting file was never asked for: unverified content is not used to go on
            assertThat(reads(connection)).containsExactly(skillMd);
            List<Finding> findings = SkillRules.fileMismatch().check(load);
            assertThat(findings).isNotEmpty().allSatisfy(f -> {
                assertThat(f.ruleId()).isEqualTo("DRIFT-004");
                assertThat(f.location().kind()).isEqualTo(Location.Kind.RESOURCE);
                assertThat(f.location().name()).isEqualTo(skillMd);
                assertThat(f.message()).startsWith("Skill " + name + " did not load: ");
            });
            return load;
        }
    }
}
