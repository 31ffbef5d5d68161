package dev.mcpworkbench.app.ui.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.app.ui.common.Invisibles;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.util.Locale;

/** A tool definition with the texts the list shows and searches, computed once. */
public record ToolItem(JsonNode json, String name, String shownName, String summary, String searchText, long invisibles) {

    public static ToolItem of(JsonNode json) {
        String name = ServerSnapshot.nameOf(json);
        String description = json.path("description").asText("");
        String title = json.path("title").asText(json.path("annotations").path("title").asText(""));
        String firstLine = description.strip().lines().findFirst().orElse("");
        if (firstLine.length() > 160) firstLine = firstLine.substring(0, 160) + "…";
        String shown = name.isEmpty() ? "(no name)" : Invisibles.reveal(name);
        return new ToolItem(json, name, shown, Invisibles.reveal(firstLine),
                (name + "\n" + title + "\n" + description).toLowerCase(Locale.ROOT),
                Invisibles.count(name) + Invisibles.count(description));
    }

    public boolean matches(String query) {
        return query == null || query.isBlank() || searchText.contains(query.strip().toLowerCase(Locale.ROOT));
    }
}
