package dev.mcpworkbench.app.ui.payload;

import dev.mcpworkbench.inspector.payload.JsonIndex;

/**
 * A row of the payload tree: one JSON node of one of the payload's trees, or a range of a big
 * container's children ({@code rangeStart..rangeEnd}, exclusive) so that expanding a 500,000-item
 * array creates 500 rows, not 500,000.
 */
public record NodeRef(JsonIndex tree, int node, String prefix, int rangeStart, int rangeEnd) {

    public static NodeRef of(JsonIndex tree, int node, String prefix) {
        return new NodeRef(tree, node, prefix, -1, -1);
    }

    public boolean isRange() {
        return rangeStart >= 0;
    }

    public String pointer() {
        return prefix + tree.pointer(node);
    }

    public String label() {
        if (isRange()) return "[" + rangeStart + " … " + (rangeEnd - 1) + "]";
        String label = tree.label(node);
        return label.isEmpty() ? (prefix.isEmpty() ? "(root)" : "(JSON text)") : label;
    }

    // explicit equals/hashCode: a record's generated ones bootstrap method handles on first use,
    // which costs the FX thread tens of milliseconds when the first tree is shown
    @Override
    public boolean equals(Object o) {
        return o instanceof NodeRef r && r.tree == tree && r.node == node && r.rangeStart == rangeStart
                && r.rangeEnd == rangeEnd && r.prefix.equals(prefix);
    }

    @Override
    public int hashCode() {
        return ((System.identityHashCode(tree) * 31 + node) * 31 + rangeStart) * 31 + prefix.hashCode();
    }
}
