package dev.mcpworkbench.lab.secure;

import static dev.mcpworkbench.lab.server.Tools.hints;
import static dev.mcpworkbench.lab.server.Tools.string;

import dev.mcpworkbench.lab.server.Json;
import dev.mcpworkbench.lab.server.LabTool;
import dev.mcpworkbench.lab.server.Tools;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The twin's three outcome-oriented tools (a whole note is read through its resource template). Each states its limits, returns only the fields the
 * task needs, declares an outputSchema its results satisfy, and carries truthful annotations.
 */
final class NoteTools {

    static final String READ_SCOPE = "notes:read";
    static final String WRITE_SCOPE = "notes:write";
    static final String DELETE_SCOPE = "notes:delete";
    private static final int SNIPPET_LENGTH = 160;

    private final NoteStore store;

    NoteTools(NoteStore store) {
        this.store = store;
    }

    List<LabTool> all() {
        return List.of(search(), record(), delete());
    }

    private LabTool search() {
        Tool tool = Tool.builder().name("search_notes").title("Search notes")
                .description("Finds notes whose title, body or tags contain the query. Returns at most 25 results per page"
                        + " (id, title and a 160-character snippet); pass nextCursor back to continue. Read a whole note through the"
                        + " resource notes://note/{noteId}.")
                .inputSchema(Json.object(SecureSchemas.SEARCH_INPUT)).outputSchema(Json.object(SecureSchemas.SEARCH_OUTPUT))
                .annotations(hints(true, false, true, false)).build();
        return new LabTool(tool, (args, caller) -> {
            List<NoteStore.Note> hits = store.search(string(args, "query", ""));
            int limit = Math.min(25, Math.max(1, Tools.integer(args, "limit", 10)));
            int from = Math.min(hits.size(), Tools.integer(args, "cursor", 0));
            int to = Math.min(hits.size(), from + limit);
            List<Map<String, Object>> results = new ArrayList<>();
            for (NoteStore.Note note : hits.subList(from, to)) {
                results.add(Map.of("id", note.id(), "title", note.title(), "snippet", snippet(note.body())));
            }
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("results", results);
            if (to < hits.size()) {
                page.put("nextCursor", String.valueOf(to));
            }
            return Tools.structured(page);
        }, READ_SCOPE);
    }

    private static String snippet(String body) {
        return body.length() <= SNIPPET_LENGTH ? body : body.substring(0, SNIPPET_LENGTH - 1) + "…";
    }

    private LabTool record() {
        Tool tool = Tool.builder().name("record_note").title("Record a note")
                .description("Creates a note, or saves a new revision of an existing one when noteId is given. Earlier"
                        + " revisions are kept, so saving never loses text. Title up to 120 characters, body up to 4,000, up to 10 tags.")
                .inputSchema(Json.object(SecureSchemas.SAVE_INPUT)).outputSchema(Json.object(SecureSchemas.SAVE_OUTPUT))
                .annotations(hints(false, false, false, false)).build();
        return new LabTool(tool, (args, caller) -> {
            String id = (String) args.get("noteId");
            if (id != null && store.find(id).isEmpty()) {
                return Tools.error("No note " + id + "; omit noteId to create a new note.");
            }
            List<String> tags = args.get("tags") instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
            NoteStore.Note note = store.save(id, string(args, "title", ""), string(args, "body", ""), tags);
            return Tools.structured(Map.of("id", note.id(), "revision", note.revision(), "created", id == null));
        }, WRITE_SCOPE);
    }

    private LabTool delete() {
        Tool tool = Tool.builder().name("delete_note").title("Delete a note")
                .description("Permanently deletes one note and all its revisions. This cannot be undone: ask the user to"
                        + " confirm first, then pass confirm=true. Deletes exactly one note per call and needs the notes:delete scope.")
                .inputSchema(Json.object(SecureSchemas.DELETE_INPUT)).outputSchema(Json.object(SecureSchemas.DELETE_OUTPUT))
                .annotations(hints(false, true, true, false)).build();
        return new LabTool(tool, (args, caller) -> {
            if (!Boolean.TRUE.equals(args.get("confirm"))) {
                return Tools.error("Not deleted: confirm must be true after the user agreed.");
            }
            String id = string(args, "noteId", "");
            return Tools.structured(Map.of("id", id, "deleted", store.delete(id)));
        }, DELETE_SCOPE);
    }
}
