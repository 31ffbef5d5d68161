package dev.mcpworkbench.lab.server;

import io.modelcontextprotocol.spec.McpSchema.Resource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A skill the lab serves through the skills extension (SEP-2640): its {@code skills/list} entry,
 * built from what each file's listing text is, and its files as resources at
 * {@code skill://<name>/<path>}. The first file is the SKILL.md.
 *
 * @param listedFrontmatter the front matter the entry announces (for an honest skill, the SKILL.md's own)
 */
public record LabSkill(String name, Map<String, Object> listedFrontmatter, List<LabSkillFile> files) {

    public LabSkill {
        listedFrontmatter = Map.copyOf(listedFrontmatter);
        files = List.copyOf(files);
        if (files.isEmpty() || !files.get(0).path().equals("SKILL.md")) {
            throw new IllegalArgumentException("a skill's first file is its SKILL.md");
        }
    }

    public String uri() {
        return uri(files.get(0));
    }

    public String uri(LabSkillFile file) {
        return "skill://" + name + "/" + file.path();
    }

    /** The {@code skills/list} entry: uri, front matter, and every file's digest and size as listed. */
    public Map<String, Object> entry() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("uri", uri());
        entry.put("frontmatter", new LinkedHashMap<>(listedFrontmatter));
        entry.put("resources", files.stream().map(f -> {
            byte[] bytes = f.listed().getBytes(StandardCharsets.UTF_8);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("uri", uri(f));
            r.put("digest", digest(bytes));
            r.put("size", bytes.length);
            return r;
        }).toList());
        return entry;
    }

    /** Each file as a resource serving its {@code served} text; the SKILL.md named and described as listed. */
    public List<LabResource> resources() {
        return files.stream().map(f -> {
            boolean root = f == files.get(0);
            Resource resource = Resource.builder().uri(uri(f)).name(root ? name : name + "/" + f.path())
                    .description(root ? String.valueOf(listedFrontmatter.get("description")) : "A file of the " + name + " skill.")
                    .mimeType("text/markdown").build();
            return new LabResource(resource, f::served);
        }).toList();
    }

    static String digest(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
