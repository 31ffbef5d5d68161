package dev.mcpworkbench.inspector.skills;

import java.util.List;

/**
 * The outcome of loading one skill: the files that passed verification, in the order read, and the
 * violations that stopped the load. A skill is loaded only when there is no violation; after the
 * first file that fails, nothing more is read.
 *
 * @param notRead listed files left unread because an earlier one failed
 */
public record SkillLoad(SkillEntry entry, List<VerifiedFile> files, List<SkillViolation> violations, List<String> notRead) {

    public SkillLoad {
        files = List.copyOf(files);
        violations = List.copyOf(violations);
        notRead = List.copyOf(notRead);
    }

    public boolean loaded() {
        return violations.isEmpty();
    }

    /** Skill content may be used only when the whole skill verified: otherwise there is none. */
    public List<VerifiedFile> usableFiles() {
        return loaded() ? files : List.of();
    }
}
