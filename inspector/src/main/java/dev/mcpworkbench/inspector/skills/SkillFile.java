package dev.mcpworkbench.inspector.skills;

/**
 * One file of a skill as the server's listing describes it, before anything is read: where it is,
 * and the digest and size its content must have.
 *
 * @param digest {@code sha256:<64 hex>} as listed, or "" when the listing gave none
 * @param size   byte length as listed, or -1 when the listing gave none
 */
public record SkillFile(String uri, String digest, long size) {

    public SkillFile {
        digest = digest == null ? "" : digest;
    }
}
