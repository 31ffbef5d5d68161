package dev.mcpworkbench.inspector.skills;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks one fetched skill file must pass before its content may be used: its byte length is
 * the listed size, its SHA-256 the listed digest, and, for the SKILL.md, its front matter the
 * listed front matter, field by field. Size and digest are both reported when both fail. A
 * file the listing does not name fails too, unless the skill's files are listed on demand
 * ({@code "resources": "dynamic"}), where only the SKILL.md front matter can be compared.
 */
final class SkillFileCheck {

    private SkillFileCheck() {
    }

    static List<SkillViolation> violations(SkillEntry skill, String uri, Optional<SkillFile> listed, byte[] bytes) {
        List<SkillViolation> out = new ArrayList<>();
        // a dynamic skill lists its files on demand; any other listing must cover every file it serves
        if (listed.isEmpty() && !skill.dynamicResources()) out.add(new SkillViolation(SkillViolation.Kind.NOT_LISTED, uri, "", ""));
        listed.ifPresent(file -> {
            if (file.size() >= 0 && file.size() != bytes.length) {
                out.add(new SkillViolation(SkillViolation.Kind.SIZE_MISMATCH, uri, file.size() + " bytes", bytes.length + " bytes"));
            }
            if (file.digest().isEmpty()) {
                out.add(new SkillViolation(SkillViolation.Kind.DIGEST_MISSING, uri, "", ""));
            } else if (!SkillDigest.matches(file.digest(), bytes)) {
                out.add(new SkillViolation(SkillViolation.Kind.DIGEST_MISMATCH, uri, file.digest(), SkillDigest.of(bytes)));
            }
        });
        if (uri.equals(skill.uri())) out.addAll(frontMatter(skill, uri, new String(bytes, StandardCharsets.UTF_8)));
        return out;
    }

    private static List<SkillViolation> frontMatter(SkillEntry skill, String uri, String text) {
        Optional<ObjectNode> inFile = FrontMatter.parse(text);
        if (inFile.isEmpty()) return List.of(new SkillViolation(SkillViolation.Kind.FRONTMATTER_MISSING, uri, "", ""));
        List<String> differences = FrontMatter.differences(inFile.get(), skill.frontmatter());
        if (differences.isEmpty()) return List.of();
        return List.of(new SkillViolation(SkillViolation.Kind.FRONTMATTER_MISMATCH, uri, "the front matter of skills/list",
                String.join("; ", differences)));
    }
}
