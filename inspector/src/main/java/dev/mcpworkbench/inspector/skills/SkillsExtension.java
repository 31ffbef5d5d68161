package dev.mcpworkbench.inspector.skills;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The MCP skills extension (SEP-2640): a server that declares
 * {@code capabilities.extensions["io.modelcontextprotocol/skills"]} lists its skills with
 * {@code skills/list} and serves each skill's files as resources.
 */
public final class SkillsExtension {

    public static final String ID = "io.modelcontextprotocol/skills";
    public static final String LIST_METHOD = "skills/list";
    public static final String LIST_FIELD = "skills";
    /** The file every skill has at its root, whose YAML front matter the listing repeats. */
    public static final String SKILL_FILE = "SKILL.md";

    private SkillsExtension() {
    }

    /** Whether these server capabilities (initialize or server/discover) declare the extension. */
    public static boolean declaredIn(JsonNode capabilities) {
        return capabilities != null && capabilities.path("extensions").has(ID);
    }
}
