package dev.mcpworkbench.lab.secure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The twin's notes, in memory, with a revision count per note (saving never loses a revision). */
final class NoteStore {

    record Note(String id, String title, String body, List<String> tags, int revision, Instant updatedAt) {
    }

    private final Map<String, Note> notes = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(0);

    NoteStore() {
        save(null, "Quarterly planning", "Draft the budget and the hiring plan for Q3.", List.of("planning"));
        save(null, "On-call handbook", "Escalate unresolved incidents after ten minutes.", List.of("ops"));
        save(null, "Release checklist", "Tag, build, sign, publish, announce.", List.of("release", "ops"));
    }

    synchronized Note save(String id, String title, String body, List<String> tags) {
        Note previous = id == null ? null : notes.get(id);
        String noteId = id != null ? id : "N-" + nextId.incrementAndGet();
        Note note = new Note(noteId, title, body, List.copyOf(tags), previous == null ? 1 : previous.revision() + 1, Instant.now());
        notes.put(noteId, note);
        return note;
    }

    Optional<Note> find(String id) {
        return Optional.ofNullable(notes.get(id));
    }

    boolean delete(String id) {
        return notes.remove(id) != null;
    }

    /** Notes whose title, body or tags contain the query, case-insensitive, ordered by id. */
    List<Note> search(String query) {
        String needle = query.toLowerCase(Locale.ROOT);
        List<Note> hits = new ArrayList<>();
        for (Note note : notes.values()) {
            if ((note.title() + " " + note.body() + " " + String.join(" ", note.tags())).toLowerCase(Locale.ROOT).contains(needle)) {
                hits.add(note);
            }
        }
        hits.sort(Comparator.comparingInt(n -> Integer.parseInt(n.id().substring(2))));
        return hits;
    }
}
