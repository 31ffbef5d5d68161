package dev.mcpworkbench.inspector.skills;

/** A skill file read and verified against its listing: the only form in which skill content leaves {@link SkillsClient}. */
public record VerifiedFile(String uri, String mimeType, String text, long size) {
}
