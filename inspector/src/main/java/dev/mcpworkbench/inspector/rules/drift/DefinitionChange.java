package dev.mcpworkbench.inspector.rules.drift;

import java.util.List;

/**
 * How one pinned item differs from the current snapshot.
 *
 * @param key     the item key ({@code tool:read_file}, {@code instructions}...)
 * @param kind    added, removed or changed
 * @param fields  for a change, each differing value by JSON pointer within the item
 */
public record DefinitionChange(String key, Kind kind, List<FieldChange> fields) {

    public enum Kind { ADDED, REMOVED, CHANGED }

    public DefinitionChange {
        fields = List.copyOf(fields);
    }

    /**
     * One differing value; {@code before}/{@code after} are compact JSON text, null when absent on that side.
     */
    public record FieldChange(String pointer, String before, String after) {
    }

    /** The item kind part of the key: tool, prompt, resourceTemplate or instructions. */
    public String itemKind() {
        int colon = key.indexOf(':');
        return colon < 0 ? key : key.substring(0, colon);
    }

    /** The item name part of the key, "" for instructions. */
    public String itemName() {
        int colon = key.indexOf(':');
        return colon < 0 ? "" : key.substring(colon + 1);
    }
}
