package dev.mcpworkbench.inspector.rules.skills;

import dev.mcpworkbench.inspector.rules.Category;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.Location;
import dev.mcpworkbench.inspector.rules.Rule;
import dev.mcpworkbench.inspector.rules.RuleMetadata;
import dev.mcpworkbench.inspector.rules.Severity;
import dev.mcpworkbench.inspector.skills.SkillLoad;
import dev.mcpworkbench.inspector.skills.SkillViolation;
import java.util.List;

/**
 * DRIFT-004: a skill file that is not what the server's skill listing said it is (digest, size or
 * front matter), found when the skill is loaded. One finding per violation, on the file.
 */
public final class SkillFileMismatchRule implements Rule {

    private static final RuleMetadata METADATA = new RuleMetadata("DRIFT-004", "Skill file differs from its listing",
            Category.DRIFT, Severity.HIGH, List.of("MCP03", "MCP04"),
            "A user picks a skill from what skills/list shows: its name, description and the digest of every file. "
                    + "A file served with other content, another length or other front matter is a skill swapped after it "
                    + "was chosen (a rug pull), and an agent that ran it would follow instructions nobody approved.",
            true);

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    public List<Finding> check(SkillLoad load) {
        return load.violations().stream().map(v -> finding(load, v)).toList();
    }

    private Finding finding(SkillLoad load, SkillViolation v) {
        String pointer = v.kind() == SkillViolation.Kind.FRONTMATTER_MISMATCH ? "/frontmatter" : "";
        return new Finding(id(), Severity.HIGH, "Skill " + load.entry().name() + " did not load: " + v.message(),
                new Location(Location.Kind.RESOURCE, v.fileUri(), pointer), v.actual(), fix(v.kind()),
                List.of(metadata().docPath()));
    }

    private static String fix(SkillViolation.Kind kind) {
        return switch (kind) {
            case FRONTMATTER_MISMATCH, FRONTMATTER_MISSING ->
                    "Build the skills/list entry's frontmatter from the SKILL.md itself, so the two are identical.";
            case UNREADABLE -> "Serve every file the listing names through resources/read.";
            default -> "Compute each listed digest (sha256 of the exact bytes served) and size when the file is published, "
                    + "and serve exactly those bytes.";
        };
    }
}
