package dev.mcpworkbench.inspector.payload;

/**
 * Sees every string value while the index is built, so scanners (secrets, personal data) run in
 * the same single pass over the payload instead of a second walk.
 */
@FunctionalInterface
public interface StringVisitor {
    /**
     * @param node index of the string node
     * @param depth nesting depth of the node (the root is 0)
     * @param key  the object member name holding it, or null inside an array or at the root
     */
    void onString(int node, int depth, String key, String value);

    StringVisitor NONE = (node, depth, key, value) -> { };
}
