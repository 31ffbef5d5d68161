package dev.mcpworkbench.lab.secure;

import dev.mcpworkbench.lab.server.LabCatalog;
import dev.mcpworkbench.lab.server.LabPrompt;
import dev.mcpworkbench.lab.server.LabResource;
import dev.mcpworkbench.lab.server.LabTemplate;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.ResourceTemplate;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.List;
import java.util.Set;

/**
 * "Tidy Notes": the flawed server's purpose done right, following the five design principles.
 * Scopes: notes:read (search, resources), notes:write (record), notes:delete (delete).
 */
public final class SecureServer {

    public static final String NAME = "tidy-notes";
    public static final Set<String> SCOPES = Set.of(NoteTools.READ_SCOPE, NoteTools.WRITE_SCOPE, NoteTools.DELETE_SCOPE);
    public static final String READ_SCOPE = NoteTools.READ_SCOPE;
    public static final String WRITE_SCOPE = NoteTools.WRITE_SCOPE;
    public static final String DELETE_SCOPE = NoteTools.DELETE_SCOPE;

    private SecureServer() {
    }

    public static LabCatalog catalog() {
        NoteStore store = new NoteStore();
        return new LabCatalog(NAME, "1.0.0",
                "Tidy Notes stores short plain-text notes. Search to find ids, read a note through notes://note/{noteId},"
                        + " record to create or revise, delete only after the user confirmed.",
                new NoteTools(store).all(), List.of(guide()), List.of(noteTemplate(store)), List.of(summarizePrompt()), true)
                .withSkills(SecureSkills.all());
    }

    private static LabResource guide() {
        Resource resource = Resource.builder().uri("notes://guide").name("guide").title("Tidy Notes guide")
                .description("What the notes service stores and the limits of each tool.").mimeType("text/markdown").build();
        return new LabResource(resource, () -> """
                # Tidy Notes
                - Notes have a title (120 characters), a body (4,000) and up to 10 tags.
                - search_notes pages 25 results at a time; notes://note/{noteId} returns one whole note.
                - record_note creates a note or adds a revision; earlier revisions are kept.
                - delete_note is permanent and needs the notes:delete scope.
                """);
    }

    private static LabTemplate noteTemplate(NoteStore store) {
        ResourceTemplate template = ResourceTemplate.builder().uriTemplate("notes://note/{noteId}").name("note")
                .title("Note").description("One note as plain text, by id (N-1, N-2, ...).").mimeType("text/plain").build();
        return new LabTemplate(template, uri -> store.find(uri.substring("notes://note/".length()))
                .map(note -> note.title() + "\n\n" + note.body())
                .orElse("No such note."));
    }

    private static LabPrompt summarizePrompt() {
        Prompt prompt = new Prompt("summarize_note", "Summarize a note",
                "Asks for a three-sentence summary of one note.",
                List.of(new PromptArgument("noteId", "Note id, e.g. N-1", true)));
        return new LabPrompt(prompt, args -> new GetPromptResult("Summary request", List.of(new PromptMessage(Role.USER,
                new TextContent("Read notes://note/" + args.getOrDefault("noteId", "N-1")
                        + " and summarize the note in three sentences.")))));
    }
}
