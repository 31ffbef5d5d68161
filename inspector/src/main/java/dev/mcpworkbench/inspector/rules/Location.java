package dev.mcpworkbench.inspector.rules;

import dev.mcpworkbench.inspector.payload.WellFormedText;

/**
 * Where a finding points: what kind of item, its name (tool name, resource URI, prompt name...)
 * and an RFC 6901 JSON pointer into that item's definition or payload ("" for the whole item).
 */
public record Location(Kind kind, String name, String jsonPointer) {

    public enum Kind { SERVER, INSTRUCTIONS, TOOL, RESOURCE, RESOURCE_TEMPLATE, PROMPT, TOOL_RESULT, CONFIG, TRANSPORT, AUTHORIZATION }

    public Location {
        // a name can be a URL with a key in its query string, or a server's tool name with a lone surrogate
        name = name == null ? "" : Finding.kept(name);
        jsonPointer = jsonPointer == null ? "" : WellFormedText.of(jsonPointer);
    }

    public static Location server() {
        return new Location(Kind.SERVER, "", "");
    }

    public static Location tool(String name, String pointer) {
        return new Location(Kind.TOOL, name, pointer);
    }

    /** Human-readable form such as {@code tool run_sql /inputSchema/properties/sql}. */
    public String display() {
        String kindText = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        StringBuilder b = new StringBuilder(kindText);
        if (!name.isEmpty()) b.append(' ').append(name);
        if (!jsonPointer.isEmpty()) b.append(' ').append(jsonPointer);
        return b.toString();
    }
}
