package dev.mcpworkbench.inspector.skills;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The per-file checks on entries the lab does not serve: unlisted files, dynamic skills, a missing digest. */
class SkillFileCheckTest {

    private static final ObjectMapper M = new ObjectMapper();
    private static final String SKILL_MD = "---\nname: pdf\ndescription: Read PDFs\n---\nBody\n";

    private static SkillEntry entry(String resources) throws Exception {
        return SkillEntry.of(M.readTree("{\"uri\":\"skill://pdf/SKILL.md\",\"frontmatter\":{\"name\":\"pdf\",\"description\":\"Read PDFs\"},"
                + "\"resources\":" + resources + "}"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSkillMdTheListingLeavesOutCannotBeVerified() throws Exception {
        SkillEntry skill = entry("[]");
        assertThat(SkillFileCheck.violations(skill, skill.uri(), skill.skillFile(), bytes(SKILL_MD)))
                .extracting(SkillViolation::kind).containsExactly(SkillViolation.Kind.NOT_LISTED);
    }

    @Test
    void aDynamicSkillIsCheckedOnItsFrontMatterOnly() throws Exception {
        SkillEntry skill = entry("\"dynamic\"");
        assertThat(skill.dynamicResources()).isTrue();
        assertThat(SkillFileCheck.violations(skill, skill.uri(), Optional.empty(), bytes(SKILL_MD))).isEmpty();
        assertThat(SkillFileCheck.violations(skill, skill.uri(), Optional.empty(), bytes("# no front matter\n")))
                .extracting(SkillViolation::kind).containsExactly(SkillViolation.Kind.FRONTMATTER_MISSING);
    }

    @Test
    void aListedFileWithoutDigestFailsAndAMatchingOnePasses() throws Exception {
        int size = bytes(SKILL_MD).length;
        SkillEntry noDigest = entry("[{\"uri\":\"skill://pdf/SKILL.md\",\"size\":" + size + "}]");
        assertThat(SkillFileCheck.violations(noDigest, noDigest.uri(), noDigest.skillFile(), bytes(SKILL_MD)))
                .extracting(SkillViolation::kind).containsExactly(SkillViolation.Kind.DIGEST_MISSING);
        SkillEntry good = entry("[{\"uri\":\"skill://pdf/SKILL.md\",\"size\":" + size + ",\"digest\":\""
                + SkillDigest.of(bytes(SKILL_MD)) + "\"}]");
        assertThat(SkillFileCheck.violations(good, good.uri(), good.skillFile(), bytes(SKILL_MD))).isEmpty();
    }
}
