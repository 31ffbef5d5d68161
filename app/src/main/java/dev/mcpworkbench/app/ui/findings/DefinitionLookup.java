package dev.mcpworkbench.app.ui.findings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.rules.Location;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.util.List;
import java.util.Optional;

/** Finds the definition a finding's location points into, so its evidence can be shown in place. */
public final class DefinitionLookup {

    private DefinitionLookup() {
    }

    public static Optional<JsonNode> definition(ServerSnapshot snapshot, Location location) {
        if (snapshot == null) return Optional.empty();
        return switch (location.kind()) {
            case TOOL, TOOL_RESULT -> snapshot.tool(location.name());
            case PROMPT -> byField(snapshot.prompts(), "name", location.name());
            case RESOURCE -> byField(snapshot.resources(), "uri", location.name())
                    .or(() -> byField(snapshot.resources(), "name", location.name()));
            case RESOURCE_TEMPLATE -> byField(snapshot.resourceTemplates(), "uriTemplate", location.name())
                    .or(() -> byField(snapshot.resourceTemplates(), "name", location.name()));
            case SERVER, INSTRUCTIONS -> Optional.of(snapshot.initialize());
            default -> Optional.empty();
        };
    }

    /**
     * The pointer to highlight inside {@link #definition}: instructions live at
     * {@code /instructions} of the initialize result; a tool result's pointer is into the result,
     * not the definition, so the whole definition is shown.
     */
    public static String pointerInDefinition(Location location) {
        return switch (location.kind()) {
            case INSTRUCTIONS -> location.jsonPointer().startsWith("/instructions") ? location.jsonPointer() : "/instructions";
            case TOOL_RESULT -> "";
            default -> location.jsonPointer();
        };
    }

    private static Optional<JsonNode> byField(List<JsonNode> items, String field, String value) {
        return items.stream().filter(i -> i.path(field).asText("\u0000").equals(value)).findFirst();
    }
}
