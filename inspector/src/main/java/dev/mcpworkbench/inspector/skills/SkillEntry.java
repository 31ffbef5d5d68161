package dev.mcpworkbench.inspector.skills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One skill as {@code skills/list} announced it: the URI of its SKILL.md, the front matter the
 * server says that file has, and its files with their digests and sizes. Built from the entry as
 * received, tolerant of missing fields (verification, not parsing, is where they matter).
 *
 * @param frontmatter      the entry's {@code frontmatter} object as received (empty when absent)
 * @param files            the listed files; empty when {@code dynamicResources}
 * @param dynamicResources the server lists the skill's files only on demand ({@code "resources": "dynamic"})
 */
public record SkillEntry(String uri, ObjectNode frontmatter, List<SkillFile> files, boolean dynamicResources, JsonNode raw) {

    public SkillEntry {
        files = List.copyOf(files);
    }

    public static SkillEntry of(JsonNode entry) {
        String uri = entry.path("uri").asText("");
        ObjectNode frontmatter = entry.path("frontmatter").isObject()
                ? (ObjectNode) entry.get("frontmatter") : JsonNodeFactory.instance.objectNode();
        JsonNode resources = entry.path("resources");
        List<SkillFile> files = new ArrayList<>();
        for (JsonNode r : resources) {
            if (!r.isObject()) continue;
            files.add(new SkillFile(r.path("uri").asText(""), r.path("digest").asText(""),
                    r.path("size").canConvertToLong() ? r.path("size").asLong() : -1));
        }
        return new SkillEntry(uri, frontmatter, files, "dynamic".equals(resources.asText(null)), entry);
    }

    /** The skill's name: its front matter's, or else the URI's last folder (skill://a/b/NAME/SKILL.md). */
    public String name() {
        String declared = frontmatter.path("name").asText("");
        if (!declared.isEmpty()) return declared;
        String[] parts = uri.split("/");
        return parts.length >= 2 && parts[parts.length - 1].equals(SkillsExtension.SKILL_FILE) ? parts[parts.length - 2] : uri;
    }

    public String description() {
        return frontmatter.path("description").asText("");
    }

    /** The listing's line for the SKILL.md itself, if it lists one (a dynamic skill may not). */
    public Optional<SkillFile> skillFile() {
        return files.stream().filter(f -> f.uri().equals(uri)).findFirst();
    }

    /** The listed files other than SKILL.md, in listing order. */
    public List<SkillFile> supportingFiles() {
        return files.stream().filter(f -> !f.uri().equals(uri)).toList();
    }

    /** Total listed bytes, what loading the skill will read. */
    public long listedBytes() {
        return files.stream().mapToLong(f -> Math.max(0, f.size())).sum();
    }
}
