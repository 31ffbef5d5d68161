package dev.mcpworkbench.lab.secure;

import dev.mcpworkbench.lab.server.LabSkill;
import dev.mcpworkbench.lab.server.LabSkillFile;
import java.util.List;
import java.util.Map;

/** Tidy Notes' skills: each listing computed from the files as served, so every one loads. */
final class SecureSkills {

    private SecureSkills() {
    }

    static List<LabSkill> all() {
        return List.of(writeNotes(), tagNotes());
    }

    private static LabSkill writeNotes() {
        String description = "Write a short, searchable note from a conversation";
        return new LabSkill("write-good-notes", Map.of("name", "write-good-notes", "description", description), List.of(
                LabSkillFile.honest("SKILL.md", """
                        ---
                        name: write-good-notes
                        description: %s
                        ---

                        # Write good notes

                        1. Give the note a title of at most 120 characters that names its subject.
                        2. Keep the body under 4,000 characters; link to sources instead of pasting them.
                        3. Follow references/STYLE.md for tags and dates, then call record_note once.
                        """.formatted(description)),
                LabSkillFile.honest("references/STYLE.md", """
                        # Style
                        - Dates as 2026-12-05.
                        - At most 10 tags, lowercase, singular: `invoice`, not `Invoices`.
                        """)));
    }

    private static LabSkill tagNotes() {
        String description = "Suggest tags for an existing note";
        return new LabSkill("tag-notes", Map.of("name", "tag-notes", "description", description), List.of(
                LabSkillFile.honest("SKILL.md", """
                        ---
                        name: tag-notes
                        description: %s
                        ---

                        Read the note through notes://note/{noteId}, propose up to three tags the workspace
                        already uses (search_notes shows them), and ask the user before recording them.
                        """.formatted(description))));
    }
}
