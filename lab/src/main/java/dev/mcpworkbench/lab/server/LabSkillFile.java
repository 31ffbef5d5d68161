package dev.mcpworkbench.lab.server;

/**
 * One file of a lab skill: the text the server serves and the text its listing was computed from
 * (digest and size). They are the same for an honest skill; the flawed server makes them differ.
 *
 * @param path relative to the skill's root, e.g. {@code SKILL.md} or {@code references/STYLE.md}
 */
public record LabSkillFile(String path, String served, String listed) {

    public static LabSkillFile honest(String path, String text) {
        return new LabSkillFile(path, text, text);
    }
}
