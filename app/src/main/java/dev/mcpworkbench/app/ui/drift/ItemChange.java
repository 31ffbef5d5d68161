package dev.mcpworkbench.app.ui.drift;

import java.util.List;

/**
 * One item that differs from the pinned baseline: a tool, prompt, resource template or the
 * server's instructions, and for a changed item the fields that differ.
 *
 * @param itemKind "tool", "prompt", "resource template", "instructions"...
 */
public record ItemChange(Kind kind, String itemKind, String name, List<FieldChange> fields) {

    public enum Kind { ADDED, REMOVED, CHANGED }

    /** One field of a changed item; values are JSON text ("" when the field is absent on that side). */
    public record FieldChange(String field, String before, String after) {
    }

    public ItemChange {
        fields = List.copyOf(fields);
    }

    public String label() {
        return itemKind + " " + name;
    }
}
