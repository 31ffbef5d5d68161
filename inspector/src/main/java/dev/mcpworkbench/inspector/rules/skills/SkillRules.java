package dev.mcpworkbench.inspector.rules.skills;

import dev.mcpworkbench.inspector.rules.Rule;
import java.util.List;

/** The rules on loaded skills (the skills extension), listed explicitly. */
public final class SkillRules {

    private static final SkillFileMismatchRule FILE_MISMATCH = new SkillFileMismatchRule();

    private SkillRules() {
    }

    public static List<Rule> all() {
        return List.of(FILE_MISMATCH);
    }

    public static SkillFileMismatchRule fileMismatch() {
        return FILE_MISMATCH;
    }
}
